import { DomainError, type ErrorCode } from '../domain/errors.js';

// What a constraint violation means to a clerk, on the field she can fix. The database keeps the rules
// even if a check in code is missed; this turns its refusal into the same kind of message.
const CONSTRAINT_MESSAGES: Record<string, [field: string, message: string]> = {
  uq_organization_code: ['code', '该行政区划代码已存在'],
  uq_admin_user_email: ['email', '该邮箱已被其他用户使用'],
  uq_work_point_county: ['countyId', '该县（市、区）已设立工作点'],
  uq_work_system_county_kind: ['kind', '该县（市、区）已登记此项制度'],
  uq_agent_id_number: ['idNumber', '该身份证号码已登记为代理员'],
  uq_certificate_number: ['number', '证书编号已存在'],
  uq_training_attendance: ['agentId', '该代理员已登记参加此次培训'],
  uq_petition_case_case_no: ['caseNo', '案件编号已存在'],
  uq_petition_case_archive_no: ['archiveNo', '档案号已存在'],
  uq_annual_report_county_year_version: ['year', '该县（市、区）本年度的这一版本已存在'],
  uq_annual_report_live: ['year', '该年度的统计表已存在，请打开已有的统计表；被退回的，请在其上选择“修改后重新上报”'],
  uq_evaluation_county_year: ['year', '该县（市、区）本年度已有考评'],
  ck_organization_code: ['code', '行政区划代码应为6位（县级）、9位（乡级）或12位（村级）数字'],
  ck_organization_parent: ['parentId', '除市级外必须选择上级单位'],
  ck_organization_county: ['countyId', '除市级外必须选择所属县（市、区）'],
  ck_admin_user_county: ['countyId', '县妇联工作人员必须选择所属县（市、区），其他角色不选'],
  ck_agent_phone: ['phone', '手机号码应为以1开头的11位数字'],
  ck_agent_id_number: ['idNumber', '身份证号码应为18位，最后一位可为X'],
  ck_certificate_issued: ['issuedOn', '发放日期不能早于制作日期'],
  ck_certificate_revoked: ['revokedOn', '只有吊销的证书填写吊销日期，且必须填写'],
  ck_training_hours: ['hours', '培训学时应大于0且不超过100'],
  ck_petition_case_id_number: ['petitionerIdNumber', '身份证号码应为18位，最后一位可为X'],
  ck_petition_case_phone: ['petitionerPhone', '手机号码应为以1开头的11位数字'],
  ck_petition_case_group: ['groupSize', '只有群体案件填写人数'],
  ck_petition_case_extension: ['extensionDays', '延长期限为1至30日（信访工作条例第三十四条）'],
  ck_petition_case_dates: ['acceptedOn', '各环节日期不能早于受理日期，答复、归档不能早于终结'],
  ck_petition_case_state_dates: ['state', '案件状态与办理日期不一致'],
  ck_case_document_file: ['fileName', '文件信息不完整'],
  ck_analysis_report_period: ['periodEnd', '结束日期不能早于开始日期'],
  ck_annual_report_year: ['year', '年度应在2014年至2100年之间'],
  ck_evaluation_veto: ['vetoReason', '一票否决必须填写理由'],
  ck_commendation_subject: ['kind', '表彰先进工作点须选择工作点，表彰优秀代理员须选择代理员'],
  uq_notice_recipient_notice_county: ['countyId', '该县（市、区）已在本通知的收文单位中'],
  uq_inspection_finding_inspection_standard: ['standard', '本次检查已登记过这一项创建标准的检查发现，请直接修改那一条'],
  ck_notice_published: ['status', '已发布的通知必须有发布时间'],
  ck_notice_recipient_read: ['readAt', '阅读时间和阅读人须同时填写'],
  ck_info_report_adopted: ['adopted', '采用的信息必须有采用时间'],
  ck_rectification_done: ['doneOn', '已完成的整改事项须填写完成日期和整改情况'],
};

interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
}

function camel(snake: string): string {
  return snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * A PostgreSQL refusal read as the program's own (on the field the clerk can fix; `base` when none is
 * known), or null if it is no refusal but a fault.
 */
export function databaseRefusal(error: unknown, table: string): DomainError | null {
  const pg: PgError = (error as { driverError?: PgError }).driverError ?? (error as PgError);
  if (!pg || typeof pg.code !== 'string') return null;
  const known = pg.constraint ? CONSTRAINT_MESSAGES[pg.constraint] : undefined;
  const fail = (field: string | null, code: ErrorCode, message: string) =>
    new DomainError(code, message, field ?? undefined);
  if (known) return fail(known[0], pg.code === '23505' ? 'EXISTS' : 'CHECK_FAILED', known[1]);
  switch (pg.code) {
    case '23503': {
      // on insert/update: the referenced row is missing; on delete: others still point at this one
      const prefix = `fk_${table}_`;
      if (pg.table === table && pg.constraint?.startsWith(prefix)) {
        return fail(`${camel(pg.constraint.slice(prefix.length))}Id`, 'INPUT_REFERENCE', '所选的关联记录不存在');
      }
      return fail(null, 'REFERENCED', '该记录已被其他记录引用，不能删除');
    }
    case '23502':
      return fail(null, 'REQUIRED', '有必填项未填写');
    case '22001':
      return fail(null, 'TOO_LONG', '内容超过允许的长度');
    case '22007':
    case '22008':
      return fail(null, 'INPUT_DATE', '日期格式无效');
    case '22003':
    case '22P02':
      return fail(null, 'INPUT_TYPE', '输入格式无效');
    case '23505':
      return fail(null, 'EXISTS', '与已有记录重复');
    case '23514':
      return fail(null, 'CHECK_FAILED', '数据不符合规则');
    default:
      return null;
  }
}
