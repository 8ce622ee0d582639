import { CASE_POLICY } from '../../domain/case-policy.js';
import type { CaseFormData } from './case-form-data.js';
import { FORM_TITLES } from './case-form-data.js';
import { closingWithQuery } from './printed-query.js';
import { blank, chineseDate, note, para, run, signatures, title, type Block } from '../document-layout.js';

// 附件5 答复意见书: within 7 days of the conclusion (附件2 第五条), 一式两份.
export function replyOpinionForm(d: CaseFormData): Block[] {
  const outcome = (d.outcome ?? '').split('\n').filter((l) => l.trim());
  return [
    title(FORM_TITLES.reply_opinion),
    para([run('编号：'), run(d.caseNo, { keep: true })], { indent: false, align: 'right' }),
    para([blank(d.petitioner.name, 5), run('：')], { indent: false }),
    para([
      run(`您于${chineseDate(d.acceptedOn)}委托${d.workPointName}代理的`),
      blank(d.subject, 10),
      run('一事，经代理员'),
      blank(d.agent?.name, 4),
      run(`代理，已于${chineseDate(d.concludedOn)}办结。现将办理结果答复如下：`),
    ]),
    ...(outcome.length ? outcome.map((l) => para([l])) : [para([blank(null, 30)])]),
    para([
      `您对上述处理意见不服的，可自收到本答复意见书之日起${CASE_POLICY.reviewWindowDays}日内，向上一级相关部门提交复查申请。`,
    ]),
    ...closingWithQuery(
      signatures(
        [
          { label: '信访代理机构（盖章）', name: d.workPointName },
          { label: '代理员', name: d.agent?.name },
        ],
        d.replyIssuedOn,
        [
          para([run('被代理人签收：'), blank(null, 6), run(`\u3000\u3000${chineseDate(null)}`)], {
            indent: false,
            align: 'right',
          }),
          note('平顶山市妇女信访代理案件答复意见书一式两份，信访代理机构、被代理人各一份。'),
        ],
      ),
      4,
      d.query,
      d.caseNo,
      'reply',
    ),
  ];
}
