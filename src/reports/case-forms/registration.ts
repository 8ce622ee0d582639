import type { CaseFormData } from './case-form-data.js';
import { FORM_TITLES } from './case-form-data.js';
import { chineseDate, para, run, signatures, table, title, type Block } from '../document-layout.js';

const or = (v: string | null | undefined) => v ?? '';

// 附件1 登记表: who came, about what, and who took the matter on. The value columns are wide enough for an
// 18-digit ID number and a date on one line.
export function registrationForm(d: CaseFormData): Block[] {
  return [
    title(FORM_TITLES.registration),
    para([run(`受理单位：${d.workPointName}\u3000\u3000`), run(`编号：${d.caseNo}`, { keep: true })], {
      indent: false,
      size: 'table',
    }),
    table(
      [3, 5, 3, 4],
      [
        { cells: ['信访人姓名', d.petitioner.name, '联系电话', or(d.petitioner.phone)] },
        { cells: ['身份证号码', or(d.petitioner.idNumber), '受理日期', chineseDate(d.acceptedOn)] },
        { cells: ['住址', { text: or(d.petitioner.address), span: 3 }] },
        { cells: ['乡镇（街道）', or(d.townshipName), '信访来源', d.source] },
        { cells: ['事项类别', d.category, '涉及人数', d.groupSize ? `${d.groupSize}人（群体）` : '1人'] },
        { cells: ['重点案件', d.isKey ? '是' : '否', '纳入联席会议', d.inJointMeeting ? '是' : '否'] },
        { cells: ['责任单位', { text: or(d.respondentDepartment), span: 3 }] },
        { cells: ['信访事项', { text: d.subject, span: 3 }] },
        { cells: ['基本情况', { text: or(d.description), span: 3 }], minHeight: 160 },
        { cells: ['承办代理员', d.agent?.name ?? '', '代理员电话', or(d.agent?.phone)] },
        { cells: ['受理意见', { text: '', span: 3 }], minHeight: 70 },
      ],
    ),
    ...signatures([{ label: '登记人' }], d.acceptedOn),
  ];
}
