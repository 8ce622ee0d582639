import type { CaseFormData } from './case-form-data.js';
import { FORM_TITLES } from './case-form-data.js';
import { blank, chineseDate, closing, emptyLine, para, run, title, type Block, type Run } from '../document-layout.js';

/** The eight clauses of 附件2 as the notice words them; the first names the agent. */
export function agreementClauses(agentName: string | null): (string | Run)[][] {
  return [
    ['一、乙方接受甲方的委托，指定', blank(agentName, 6), '为代理信访事项的承办人。'],
    ['二、甲方必须向承办人真实叙述事实，提供相关证据材料。'],
    ['三、乙方代理甲方信访，陪同或代理甲方到相关责任部门表达诉求或反映问题，依法维护甲方的合法权益。'],
    ['四、甲方在代理协议期间，不得随意上访、越级上访或参与群体上访。'],
    [
      '五、乙方在案件办结后，于7日内向甲方出具妇女信访代理案件答复意见书，甲方对处理意见不服的，于15日内提交上一级相关部门复查。',
    ],
    ['六、乙方无法办结的案件，要及时向上级相关部门反映情况，并与甲方解除代理协议，乙方不对代理结果做出任何承诺。'],
    ['七、本协议自签订之日起至本案结案止有效。'],
    ['八、本协议一式两份，甲乙双方各执一份。'],
  ];
}

// 附件2 代理协议书, with the parties, the agent and the matter filled in.
export function agreementForm(d: CaseFormData): Block[] {
  return [
    title(FORM_TITLES.agreement),
    para([run('编号：'), run(d.caseNo, { keep: true })], { indent: false, align: 'right' }),
    para([
      run('因'),
      blank(d.subject, 10),
      run('上访一案，'),
      blank(d.petitioner.name, 4),
      run('（以下简称甲方）自愿委托'),
      blank(d.workPointName, 10),
      run('（以下简称乙方）代理上访。经双方协议，订立下列条款，共同遵照履行。'),
    ]),
    ...agreementClauses(d.agent?.name ?? null).map((parts) => para(parts)),
    // the parties, the seal and the date sign on the same sheet as the clauses
    ...closing([
      emptyLine(),
      para(
        [
          run('甲方：（信访妇女）'),
          blank(d.petitioner.name, 5),
          run('\u3000\u3000乙方：（代理人）'),
          blank(d.agent?.name, 5),
        ],
        { indent: false },
      ),
      para([run(`乙方单位：${d.workPointName}（盖章）`)], { indent: false }),
      emptyLine(),
      para([run('签订时间：'), run(chineseDate(d.agreementSignedOn), { keep: true })], { indent: false }),
    ]),
  ];
}
