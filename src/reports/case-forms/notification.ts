import { CASE_POLICY } from '../../domain/case-policy.js';
import type { CaseFormData } from './case-form-data.js';
import { FORM_TITLES } from './case-form-data.js';
import { closingWithQuery } from './printed-query.js';
import { blank, chineseDate, note, para, run, signatures, title, type Block } from '../document-layout.js';

// 附件3 告知书: what the petitioner is told when the agency begins (一式两份).
export function notificationForm(d: CaseFormData): Block[] {
  const p = CASE_POLICY;
  return [
    title(FORM_TITLES.notification),
    para([run('编号：'), run(d.caseNo, { keep: true })], { indent: false, align: 'right' }),
    para([blank(d.petitioner.name, 5), run('：')], { indent: false }),
    para([
      run(`您于${chineseDate(d.acceptedOn)}反映的`),
      blank(d.subject, 10),
      run(`一事，已由${d.workPointName}受理，并指定妇女信访代理员`),
      blank(d.agent?.name, 4),
      run('（联系电话：'),
      blank(d.agent?.phone, 6),
      run('）承办。现将有关事项告知如下：'),
    ]),
    para(['一、代理员将陪同或代理您到相关责任部门表达诉求、反映问题，依法维护您的合法权益。']),
    para(['二、请您如实反映情况，提供相关证据材料；代理期间不随意上访、越级上访或参与群体上访。']),
    para([
      `三、依照《信访工作条例》，信访事项应自受理之日起${p.handlingDays}日内办结；情况复杂的，经批准可延长，延长期限不超过${p.maxExtensionDays}日，并告知您延期理由。本案办理期限至${chineseDate(d.handlingDueOn)}。`,
    ]),
    para([
      `四、案件办结后${p.replyDays}日内，代理机构向您出具妇女信访代理案件答复意见书；您对处理意见不服的，可于${p.reviewWindowDays}日内提交上一级相关部门复查。`,
    ]),
    para(['五、代理员无法办结的，将及时向上级相关部门反映情况，并与您解除代理协议。代理员不对代理结果作出任何承诺。']),
    ...closingWithQuery(
      signatures(
        [{ label: '信访代理机构（盖章）', name: d.workPointName }, { label: '被代理人（签收）' }],
        d.notifiedOn,
        [note('平顶山市妇女信访代理告知书一式两份，信访代理机构、被代理人各一份。')],
      ),
      3,
      d.query,
      d.caseNo,
      'notification',
    ),
  ];
}
