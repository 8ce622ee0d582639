import { ENUM_LABELS, type EnumTypeName } from './enums.js';

/**
 * Per-resource translations: `resources.<ResourceId>.properties.<propertyPath>` for the field labels,
 * `resources.<ResourceId>.labels.<propertyPath>.<value>` for enum values and for boolean true/false.
 *
 * AdminJS 7 looks the two up in different namespaces: a field label through translateProperty
 * (→ `properties.<path>`), a select option / value badge through translateLabel (→ `labels.<path>.<value>`),
 * so a field can have both a label and value labels without a string/object clash.
 *
 * Property paths are the entity property names: the camelCase of the column (county_id → countyId).
 * For the `*_by` foreign keys the entities name the column `createdById` etc.; both spellings, and the
 * relation names (county, agent, …), are labelled so that whichever path AdminJS shows is Chinese.
 */

type Dict = Record<string, string>;

// a type alias, not an interface: AdminJS's LocaleTranslationsBlock needs an index signature
type ResourceTranslation = {
  properties: Dict;
  labels: Record<string, Dict>;
};

const YES_NO: Dict = { true: '是', false: '否' };

/** Columns most tables share. */
const COMMON: Dict = {
  id: '编号',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  countyId: '所属县（市、区）',
  county: '所属县（市、区）',
  remarks: '备注',
  // versions and voiding (作废) on every record of the program
  rowVersion: '记录版本',
  voidedAt: '作废时间',
  voidedById: '作废人',
  voidedBy: '作废人',
  voidReason: '作废原因',
  voided: '已作废',
  // a record's title where it has no column of its own (resource-kit countyHeading)
  heading: '标题',
};

function build(
  properties: Dict,
  enums: Record<string, EnumTypeName> = {},
  booleans: Record<string, Dict | true> = {},
): ResourceTranslation {
  const labels: Record<string, Dict> = {};
  for (const [prop, type] of Object.entries(enums)) labels[prop] = { ...ENUM_LABELS[type] };
  for (const [prop, values] of Object.entries(booleans)) labels[prop] = values === true ? { ...YES_NO } : { ...values };
  return { properties: { ...COMMON, ...properties }, labels };
}

export const RESOURCE_TRANSLATIONS = {
  Organization: build(
    {
      code: '行政区划代码',
      name: '名称',
      shortName: '简称',
      level: '层级',
      parentId: '上级组织',
      parent: '上级组织',
      countyId: '所属县（市、区）',
      contactPerson: '联系人',
      contactPhone: '联系电话',
      address: '地址',
    },
    { level: 'org_level' },
  ),

  WorkPoint: build(
    {
      name: '工作点名称',
      address: '地址',
      phone: '联系电话',
      establishedOn: '设立日期',
      unifiedProcess: '统一流程',
      unifiedStandard: '统一标准',
      plaqueHung: '已挂牌',
      rulesOnWall: '制度上墙',
      processOnWall: '流程上墙',
      inPartyPetitionWork: '纳入党政信访工作大局',
      jointMeetingMechanism: '重点案件提交信访联席会议',
      isPilot: '试点单位',
      pilotYear: '试点年度',
      pilotExperience: '试点经验',
    },
    {},
    {
      unifiedProcess: true,
      unifiedStandard: true,
      plaqueHung: true,
      rulesOnWall: true,
      processOnWall: true,
      inPartyPetitionWork: true,
      jointMeetingMechanism: true,
      isPilot: true,
    },
  ),

  WorkSystem: build(
    {
      kind: '制度类别',
      adoptedOn: '制定日期',
      documentNo: '文号',
      summary: '主要内容',
    },
    { kind: 'work_system_kind' },
  ),

  Agent: build(
    {
      townshipId: '所属乡（镇、街道）',
      township: '所属乡（镇、街道）',
      villageId: '所属村（社区）',
      village: '所属村（社区）',
      name: '姓名',
      gender: '性别',
      idNumber: '身份证号码',
      phone: '手机号码',
      employer: '工作单位',
      appointedOn: '聘任日期',
      status: '在岗状态',
      trainingHours: '历年培训学时',
    },
    { gender: 'gender', status: 'agent_status' },
  ),

  Certificate: build(
    {
      agentId: '代理员',
      agent: '代理员',
      number: '证书编号',
      status: '证书状态',
      producedOn: '制作日期',
      issuedOn: '发放日期',
      revokedOn: '吊销日期',
      revokeReason: '吊销原因',
      validUntil: '有效期至',
      validity: '当前效力',
      reviewDueOn: '年审截止日',
      reviewDue: '年审提醒',
    },
    { status: 'certificate_status' },
    { reviewDue: { due_or_overdue: '已逾期及30天内到期', overdue: '已逾期未年审', due_soon: '30天内到期' } },
  ),

  CertificateReview: build(
    {
      certificateId: '资格证书',
      certificate: '资格证书',
      reviewedOn: '审核日期',
      result: '审核结果',
      reviewer: '审核人',
    },
    { result: 'review_result' },
  ),

  Training: build({
    countyId: '举办县（市、区）',
    county: '举办县（市、区）',
    title: '培训主题',
    heldOn: '培训日期',
    organizer: '主办单位',
    hours: '学时',
    location: '培训地点',
    content: '培训内容',
    attendees: '参训人数',
  }),

  TrainingAttendance: build({
    trainingId: '培训',
    training: '培训',
    agentId: '代理员',
    agent: '代理员',
    createdAt: '签到时间',
  }),

  PetitionCase: build(
    {
      caseNo: '案件编号',
      townshipId: '所属乡（镇、街道）',
      township: '所属乡（镇、街道）',
      agentId: '代理员',
      agent: '代理员',
      state: '办理状态',
      subject: '信访事项',
      description: '基本情况',
      category: '事项类别',
      source: '信访来源',
      isGroup: '群体信访',
      groupSize: '涉及人数',
      isKey: '重点案件',
      inJointMeeting: '纳入联席会议',
      repeatOfId: '重复信访·前案',
      petitionerName: '信访人姓名',
      petitionerIdNumber: '信访人身份证号码',
      petitionerPhone: '信访人联系电话',
      petitionerAddress: '信访人住址',
      respondentDepartment: '责任单位',
      acceptedOn: '受理日期',
      acceptanceNotifiedOn: '受理告知日期',
      agreementSignedOn: '代理协议签订日期',
      notifiedOn: '代理告知日期',
      representingSince: '开始代理日期',
      extensionDays: '延长办理天数',
      extensionApprovedBy: '延期批准人',
      extensionReason: '延期理由',
      extensionNotifiedOn: '延期告知日期',
      concludedOn: '终结日期',
      outcome: '办理结果',
      replyIssuedOn: '答复意见出具日期',
      reviewRequestedOn: '复查申请日期',
      reviewDepartment: '复查机关',
      reviewAnsweredOn: '复查答复日期',
      reviewDeclinedOn: '书面放弃复查日期',
      archivedOn: '归档日期',
      archiveNo: '档案号',
      terminatedOn: '解除代理日期',
      terminationReason: '解除代理原因',
      terminationReportedTo: '报告的上级部门',
      nextDeadline: '下一期限',
      daysLeft: '剩余天数',
      deadlineNote: '期限说明',
      actionDueOn: '应办期限（法定节假日顺延）',
      queryCode: '信访人查询码',
      petitionerRating: '信访人评价',
      deadline: '期限提醒',
      keyword: '搜索（案件编号、信访人、信访事项）',
      repeat: '重复信访',
      deadlineUrgency: '期限紧急程度',
      expectedStep: '下一步',
      reopenedOn: '重新打开日期',
      reopenReason: '重新打开原因',
    },
    { state: 'case_state', category: 'case_category', source: 'case_source' },
    // deadline: the list filter (case-deadline-query.ts DEADLINE_FILTERS)
    {
      isGroup: true,
      isKey: true,
      inJointMeeting: true,
      deadline: { overdue: '已超期', due_soon: '即将到期（3日内）' },
      repeat: { true: '此前在本县有过案件（按身份证号）' },
    },
  ),

  CaseDocument: build(
    {
      caseId: '所属案件',
      case: '所属案件',
      kind: '文书类别',
      title: '标题',
      signedOn: '签署日期',
      content: '正文',
      fileName: '文件名',
      storageKey: '存储标识',
      mimeType: '文件类型',
      fileSize: '文件大小（字节）',
      sha256: 'SHA-256校验值',
      createdBy: '创建人',
      createdById: '创建人',
    },
    { kind: 'case_document_kind' },
  ),

  CaseLog: build({
    caseId: '所属案件',
    case: '所属案件',
    loggedOn: '记录日期',
    handler: '经办人',
    department: '接洽部门',
    action: '办理情况',
    result: '办理结果',
    createdBy: '记录人',
    createdById: '记录人',
  }),

  AnalysisReport: build({
    countyId: '报送单位',
    county: '报送单位',
    periodStart: '统计起始日期',
    periodEnd: '统计截止日期',
    reportDate: '报告日期',
    contactPerson: '联系人',
    contactPhone: '联系电话',
    figures: '统计数据',
    analysis: '分析内容',
    createdBy: '填报人',
    createdById: '填报人',
    statistics: '本期统计数据',
  }),

  AnnualReport: build(
    {
      countyId: '报送单位',
      county: '报送单位',
      year: '年度',
      version: '版本',
      status: '上报状态',
      figures: '统计数据',
      submittedAt: '上报时间',
      submittedBy: '上报人',
      submittedById: '上报人',
      isLate: '逾期上报',
      reviewedAt: '审核时间',
      reviewedBy: '审核人',
      reviewedById: '审核人',
      returnReason: '退回原因',
      statistics: '结案统计数据',
      deadline: '上报截止',
    },
    { status: 'report_status' },
    { isLate: { true: '逾期', false: '按时' } },
  ),

  Evaluation: build(
    {
      countyId: '被考评单位',
      county: '被考评单位',
      year: '年度',
      scores: '各项得分',
      totalScore: '总分',
      veto: '一票否决',
      vetoReason: '否决原因',
      result: '考评结果',
      rank: '考评名次',
      scoreTable: '考评明细',
    },
    { result: 'evaluation_result' },
    { veto: { true: '否决', false: '未否决' } },
  ),

  Commendation: build(
    {
      year: '年度',
      kind: '表彰类别',
      workPointId: '工作点',
      workPoint: '工作点',
      agentId: '代理员',
      agent: '代理员',
      reason: '表彰事由',
      status: '审批状态',
      approvedOn: '批准日期',
    },
    { kind: 'commendation_kind', status: 'commendation_status' },
  ),

  AdminUser: build(
    {
      email: '邮箱',
      name: '姓名',
      passwordHash: '密码哈希',
      password: '密码',
      role: '角色',
      isActive: '账户状态',
      failedLogins: '连续登录失败次数',
      lockedUntil: '锁定至',
      lastLoginAt: '最近登录时间',
    },
    { role: 'user_role' },
    { isActive: { true: '启用', false: '停用' } },
  ),

  AuditLog: build({
    at: '操作时间',
    userId: '操作用户',
    user: '操作用户',
    userEmail: '用户邮箱',
    action: '操作',
    resource: '操作对象',
    recordId: '记录编号',
    changes: '变更内容',
    ip: 'IP地址',
    actionLabel: '操作',
    resourceLabel: '操作对象',
    recordTitle: '记录',
  }),

  Notice: build(
    {
      countyId: '发文单位（空为市妇联）',
      county: '发文单位',
      title: '通知标题',
      body: '通知内容',
      status: '状态',
      targetCountyIds: '发送范围',
      files: '附件',
      filesHtml: '附件',
      publishedAt: '发布时间',
      publishedBy: '发布人',
      publishedById: '发布人',
      createdBy: '起草人',
      createdById: '起草人',
      readStatus: '阅读情况',
      readSummary: '阅读情况',
    },
    { status: 'notice_status' },
  ),

  NoticeRecipient: build(
    {
      noticeId: '通知',
      notice: '通知',
      countyId: '收文单位',
      county: '收文单位',
      readAt: '阅读时间',
      readAtText: '阅读时间',
      readBy: '阅读人',
      readById: '阅读人',
      readByName: '阅读人',
      readState: '阅读状态',
      noticeTitle: '通知标题',
      sender: '发文单位',
      publishedAt: '发布时间',
      noticeBody: '通知内容',
      noticeFiles: '附件',
    },
    {},
    { readState: { unread: '未读', read: '已读' } },
  ),

  InfoReport: build(
    {
      countyId: '报送单位',
      county: '报送单位',
      kind: '信息类别',
      title: '标题',
      content: '内容',
      submittedOn: '报送日期',
      personalDataRequested: '市妇联要求补报个人信息',
      cityComment: '市妇联点评',
      commentedAt: '点评时间',
      commentedBy: '点评人',
      commentedById: '点评人',
      adopted: '采用情况',
      adoptedAt: '采用时间',
      adoptedBy: '采用人',
      adoptedById: '采用人',
      createdBy: '填报人',
      createdById: '填报人',
    },
    { kind: 'info_report_kind' },
    { adopted: { true: '已采用', false: '未采用' }, personalDataRequested: { true: '已要求', false: '未要求' } },
  ),

  Inspection: build(
    {
      countyId: '被检查单位',
      county: '被检查单位',
      workPointId: '工作点',
      workPoint: '工作点',
      title: '检查名称',
      inspectedOn: '检查日期',
      inspectors: '检查人员',
      overallResult: '总体结论',
      summary: '检查情况综述',
      files: '照片及材料',
      photosHtml: '照片及材料',
      findingsHtml: '对照创建标准的检查发现',
      rectificationsHtml: '整改清单',
      createdBy: '记录人',
      createdById: '记录人',
    },
    { overallResult: 'standard_result' },
  ),

  InspectionFinding: build(
    {
      inspectionId: '督导检查',
      inspection: '督导检查',
      countyId: '被检查单位',
      standard: '创建标准',
      result: '检查结论',
      finding: '检查发现',
    },
    { standard: 'inspection_standard', result: 'standard_result' },
  ),

  Rectification: build(
    {
      inspectionId: '督导检查',
      inspection: '督导检查',
      countyId: '整改单位',
      county: '整改单位',
      standard: '涉及的创建标准',
      item: '整改事项',
      dueOn: '整改期限',
      status: '整改状态',
      doneOn: '完成日期',
      evidence: '整改情况及佐证',
      doneBy: '登记人',
      doneById: '登记人',
      files: '佐证材料',
      filesHtml: '佐证材料',
      progress: '整改进度',
    },
    { standard: 'inspection_standard', status: 'rectification_status' },
    { progress: { open: '未完成', overdue: '已逾期', done: '已完成' } },
  ),
} satisfies Record<string, ResourceTranslation>;

export type ResourceId = keyof typeof RESOURCE_TRANSLATIONS;

/** Sidebar / breadcrumb names: AdminJS translates a resource's name with translateLabel(resourceId). */
export const RESOURCE_LABELS: Record<ResourceId, string> = {
  Organization: '组织机构',
  WorkPoint: '工作点',
  WorkSystem: '工作制度',
  Agent: '代理员',
  Certificate: '资格证书',
  CertificateReview: '证书年审',
  Training: '学习培训',
  TrainingAttendance: '培训签到',
  PetitionCase: '信访代理案件',
  CaseDocument: '案件文书',
  CaseLog: '办案记录',
  AnalysisReport: '案件分析报告',
  AnnualReport: '年度结案统计',
  Evaluation: '考评',
  Commendation: '表彰奖励',
  AdminUser: '系统用户',
  AuditLog: '操作日志',
  Notice: '通知公告',
  NoticeRecipient: '收到的通知',
  InfoReport: '信息上报',
  Inspection: '督导检查',
  InspectionFinding: '检查发现',
  Rectification: '整改事项',
};
