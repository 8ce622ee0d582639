import type { EntityManager } from 'typeorm';
import { handlingDueOn } from '../domain/case-deadlines.js';
import type { Actor, Role } from '../domain/access-policy.js';
import { mayHoldQueryCode } from '../domain/petitioner-view.js';
import { personalValue, type PersonalSubject } from '../domain/personal-data.js';
import { enumLabel } from '../domain/vocabulary.js';
import { printedQuery, type CaseFormData } from '../reports/case-forms/index.js';
import { LEGAL_SCHEDULE } from './legal-schedule.js';
import { queryCodeOf } from './petitioner-query.js';

/**
 * What the forms of one case print (附件1–5): the case, its county, work point, agent and handling
 * records. The petitioner's and the agent's personal data as PERSONAL_DATA lets `viewer` read them on a
 * record's page (leaders: the petitioner's masked, the agent's phone left out). With `query`, the query page's
 * address, her code and its QR code for the 告知书 and 答复意见书 — only when `query.actor` may hold the code
 * (her county's clerks, the city; never a leader).
 */
export async function loadCaseFormData(
  em: EntityManager,
  caseId: number,
  opts: { viewer: Role; query?: { actor: Actor; publicBaseUrl: string } },
): Promise<CaseFormData | null> {
  const d = (col: string) => `to_char(c.${col}, 'YYYY-MM-DD') AS ${col}`;
  const [c] = await em.query(
    `SELECT c.*, ${['accepted_on', 'acceptance_notified_on', 'agreement_signed_on', 'notified_on', 'representing_since', 'concluded_on', 'reply_issued_on'].map(d).join(', ')},
            county.name AS county_name, township.name AS township_name, wp.name AS work_point_name,
            a.name AS agent_name, a.phone AS agent_phone
       FROM petition_case c
       JOIN organization county ON county.id = c.county_id
       LEFT JOIN organization township ON township.id = c.township_id
       LEFT JOIN work_point wp ON wp.county_id = c.county_id AND wp.voided_at IS NULL
       LEFT JOIN agent a ON a.id = c.agent_id
      WHERE c.id = $1`,
    [caseId],
  );
  if (!c) return null;
  const logs: {
    logged_on: string;
    handler: string;
    department: string | null;
    action: string;
    result: string | null;
  }[] = await em.query(
    `SELECT to_char(logged_on, 'YYYY-MM-DD') AS logged_on, handler, department, action, result
       FROM case_log WHERE case_id = $1 AND voided_at IS NULL ORDER BY logged_on, id`,
    [caseId],
  );
  const code = opts.query && mayHoldQueryCode(opts.query.actor, c.county_id) ? await queryCodeOf(em, caseId) : null;
  const mask = (subject: PersonalSubject, field: string, value: string | null) =>
    personalValue(subject, field, opts.viewer, 'record', value) ?? null;
  return {
    caseNo: c.case_no,
    archiveNo: c.archive_no,
    countyName: c.county_name,
    townshipName: c.township_name,
    // 创建标准 二: 名称统一 ×××县（市、区）妇女信访代理工作点
    workPointName: c.work_point_name ?? `${c.county_name}妇女信访代理工作点`,
    petitioner: {
      name: c.petitioner_name,
      idNumber: mask('petitioner', 'petitionerIdNumber', c.petitioner_id_number),
      phone: mask('petitioner', 'petitionerPhone', c.petitioner_phone),
      address: mask('petitioner', 'petitionerAddress', c.petitioner_address),
    },
    subject: c.subject,
    description: c.description,
    category: enumLabel('case_category', c.category),
    source: enumLabel('case_source', c.source),
    groupSize: c.is_group ? c.group_size : null,
    isKey: c.is_key,
    inJointMeeting: c.in_joint_meeting,
    respondentDepartment: c.respondent_department,
    agent: c.agent_name ? { name: c.agent_name, phone: mask('agent', 'phone', c.agent_phone) } : null,
    acceptedOn: c.accepted_on,
    acceptanceNotifiedOn: c.acceptance_notified_on,
    agreementSignedOn: c.agreement_signed_on,
    notifiedOn: c.notified_on,
    representingSince: c.representing_since,
    handlingDueOn: handlingDueOn({ acceptedOn: c.accepted_on, extensionDays: c.extension_days }, LEGAL_SCHEDULE),
    extension: c.extension_days
      ? { days: c.extension_days, approvedBy: c.extension_approved_by, reason: c.extension_reason }
      : null,
    concludedOn: c.concluded_on,
    outcome: c.outcome,
    replyIssuedOn: c.reply_issued_on,
    logs: logs.map((l) => ({
      loggedOn: l.logged_on,
      handler: l.handler,
      department: l.department,
      action: l.action,
      result: l.result,
    })),
    query: code ? await printedQuery(opts.query!.publicBaseUrl, c.case_no, code.code) : null,
  };
}
