import type { CaseFormData } from './case-form-data.js';
import { FORM_TITLES } from './case-form-data.js';
import { chineseDate, dottedDate, para, signatures, table, title, type Block } from '../document-layout.js';

const BLANK_ROWS = 2;

// 附件4 办案记录表: the case's particulars, then every handling-record entry in date order.
export function handlingRecordForm(d: CaseFormData): Block[] {
  const entries = d.logs.map((l, i) => ({
    cells: [String(i + 1), dottedDate(l.loggedOn), l.handler, l.department ?? '', l.action, l.result ?? ''],
  }));
  // room to write by hand beneath the entries
  const blanks = Array.from({ length: BLANK_ROWS }, () => ({ cells: ['', '', '', '', '', ''], minHeight: 36 }));
  return [
    title(FORM_TITLES.handling_record),
    table(
      [3, 5, 3, 5],
      [
        { cells: ['案件编号', d.caseNo, '受理日期', chineseDate(d.acceptedOn)] },
        { cells: ['信访人', d.petitioner.name, '代理员', d.agent?.name ?? ''] },
        { cells: ['信访事项', { text: d.subject, span: 3 }] },
      ],
    ),
    para([], { indent: false, size: 'table' }),
    table(
      [2, 5, 3, 4, 7, 5],
      [{ header: true, cells: ['序号', '日期', '经办人', '接洽部门', '办理情况', '办理结果'] }, ...entries, ...blanks],
      { align: ['center', 'center', 'center', 'left', 'left', 'left'] },
    ),
    ...signatures([{ label: '代理员（签名）', name: d.agent?.name }], d.concludedOn),
  ];
}
