import type { CaseFormData } from '../../src/reports/case-forms/index.js';

// A case's forms filled three ways: one character in every field, what a county clerk typically writes,
// and a matter written at length (the longest the fields take).

const typical: CaseFormData = {
  caseNo: '新华-2026-0012',
  archiveNo: '新华档-2026-0003',
  countyName: '新华区',
  townshipName: '光明路街道',
  workPointName: '新华区妇女信访代理工作点',
  petitioner: {
    name: '王秀兰',
    idNumber: '410402198503126627',
    phone: '13837512345',
    address: '平顶山市新华区光明路街道建设路32号院5号楼2单元',
  },
  subject: '丈夫长期实施家庭暴力，请求协调出具告诫书并帮助申请人身安全保护令',
  description:
    '信访人王秀兰反映，其丈夫李某自2024年起多次酒后对其殴打，最近一次于2026年10月造成其面部及手臂多处软组织损伤，曾向辖区派出所报警。信访人希望妇联协调公安机关出具家庭暴力告诫书，并帮助其向人民法院申请人身安全保护令，同时反映子女就学受到影响。',
  category: '家庭暴力',
  source: '来访',
  groupSize: null,
  isKey: true,
  inJointMeeting: false,
  respondentDepartment: '新华区公安分局光明路派出所',
  agent: { name: '张慧敏', phone: '13903751234' },
  acceptedOn: '2026-11-02',
  acceptanceNotifiedOn: '2026-11-05',
  agreementSignedOn: '2026-11-03',
  notifiedOn: '2026-11-03',
  representingSince: '2026-11-03',
  handlingDueOn: '2027-01-01',
  extension: null,
  concludedOn: '2026-11-25',
  outcome:
    '经代理员陪同信访人到光明路派出所反映情况，派出所已于2026年11月10日向李某出具家庭暴力告诫书。\n代理员协助信访人向新华区人民法院申请人身安全保护令，法院已于2026年11月20日作出裁定。\n社区妇联已将信访人家庭列入重点关注对象，定期回访。',
  replyIssuedOn: '2026-11-28',
  // the QR code is added where a test prints it (tests/printed-forms.test.ts, printed-query-code.test.ts)
  query: null,
  logs: [
    {
      loggedOn: '2026-11-03',
      handler: '张慧敏',
      department: '光明路派出所',
      action: '陪同信访人到派出所反映家庭暴力情况，提交伤情照片',
      result: '派出所受理，承诺5个工作日内处理',
    },
    {
      loggedOn: '2026-11-10',
      handler: '张慧敏',
      department: '光明路派出所',
      action: '跟进告诫书出具情况',
      result: '已向李某出具告诫书',
    },
    {
      loggedOn: '2026-11-14',
      handler: '张慧敏',
      department: '新华区人民法院',
      action: '协助信访人递交人身安全保护令申请材料',
      result: '法院立案',
    },
    {
      loggedOn: '2026-11-20',
      handler: '张慧敏',
      department: '新华区人民法院',
      action: '陪同信访人领取裁定书',
      result: '裁定作出人身安全保护令',
    },
    {
      loggedOn: '2026-11-25',
      handler: '张慧敏',
      department: '光明路街道妇联',
      action: '回访信访人，了解家庭近况',
      result: '信访人表示满意，案件终结',
    },
  ],
};

const short: CaseFormData = {
  ...typical,
  townshipName: '光',
  workPointName: '新华区妇女信访代理工作点',
  petitioner: { name: '王', idNumber: '4', phone: '1', address: '平' },
  subject: '访',
  description: '无',
  respondentDepartment: '所',
  agent: { name: '张', phone: '1' },
  outcome: '结',
  logs: [{ loggedOn: '2026-11-03', handler: '张', department: '所', action: '访', result: '结' }],
};

const long: CaseFormData = {
  ...typical,
  petitioner: {
    ...typical.petitioner,
    name: '欧阳司马慧兰',
    address: `${'平顶山市新华区光明路街道建设路'.repeat(6)}32号`,
  },
  subject: '请求协调解决'.repeat(33).slice(0, 200),
  description: typical.description!.repeat(4),
  respondentDepartment: '新华区公安分局光明路派出所及新华区人民法院、区民政局、区教育局、区人力资源和社会保障局',
  outcome: Array.from({ length: 8 }, () => typical.outcome!.split('\n')[0]).join('\n'),
  logs: Array.from({ length: 14 }, (_, i) => ({
    ...typical.logs[i % 5],
    action: typical.logs[i % 5].action.repeat(2),
  })),
};

export const FORM_SAMPLES = { short, typical, long } as const;
export type SampleName = keyof typeof FORM_SAMPLES;
