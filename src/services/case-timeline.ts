import type { EntityManager } from 'typeorm';
import { enumLabel } from '../domain/vocabulary.js';
import { localDate } from '../domain/dates.js';

/** One line of a case's history (卷内大事记), oldest first. */
export interface TimelineEntry {
  /** the day it happened, YYYY-MM-DD in China */
  on: string;
  kind: 'step' | 'record' | 'document' | 'change';
  title: string;
  detail: string | null;
  /** who recorded it, when the audit log knows */
  by: string | null;
}

// The case's own dates are its steps (受理 → 代理 → 终结 → 答复 → 归档); the audit log names who recorded
// each, under the step's action name. In the order a file runs, so that steps of one day read in order.
/** The case row (petition_case.* and the agent's name): the step dates read by name, the details below. */
type CaseRow = Record<string, unknown> & {
  subject: string;
  agent_name: string | null;
  extension_days: number | null;
  extension_approved_by: string | null;
  extension_reason: string | null;
  outcome: string | null;
  review_department: string | null;
  termination_reason: string | null;
  reopen_reason: string | null;
  archive_no: string | null;
};

const STEPS: { field: string; title: string; event: string; detail?: (c: CaseRow) => string | null }[] = [
  { field: 'accepted_on', title: '登记受理', event: 'create', detail: (c) => c.subject },
  { field: 'acceptance_notified_on', title: '书面告知信访人已受理（条例第二十三条）', event: 'acceptCase' },
  { field: 'agreement_signed_on', title: '签订代理协议书（附件2）', event: 'startRepresenting' },
  { field: 'notified_on', title: '送达代理告知书（附件3）', event: 'startRepresenting' },
  {
    field: 'representing_since',
    title: '开始代理',
    event: 'startRepresenting',
    detail: (c) => (c.agent_name ? `代理员：${c.agent_name}` : null),
  },
  {
    field: 'extension_notified_on',
    title: '延长办理期限（条例第三十四条）',
    event: 'extendDeadline',
    detail: (c) =>
      `延长${c.extension_days}日，批准人：${c.extension_approved_by ?? ''}；理由：${c.extension_reason ?? ''}`,
  },
  { field: 'concluded_on', title: '终结', event: 'conclude', detail: (c) => c.outcome },
  { field: 'reply_issued_on', title: '出具答复意见书（附件5）', event: 'issueReply' },
  {
    field: 'review_requested_on',
    title: '信访人申请复查（条例第三十五条）',
    event: 'requestReview',
    detail: (c) => (c.review_department ? `复查机关：${c.review_department}` : null),
  },
  { field: 'review_answered_on', title: '复查机关答复', event: 'requestReview' },
  { field: 'review_declined_on', title: '信访人书面放弃复查', event: 'archive' },
  { field: 'terminated_on', title: '解除代理（协议第六条）', event: 'terminate', detail: (c) => c.termination_reason },
  { field: 'reopened_on', title: '重新打开案卷', event: 'reopen', detail: (c) => c.reopen_reason },
  {
    field: 'archived_on',
    title: '立案归档',
    event: 'archive',
    detail: (c) => (c.archive_no ? `档案号：${c.archive_no}` : null),
  },
];

// audit lines that are no event in the file's history: reading it, printing it
const NOT_HISTORY = ['view_personal', 'download', 'export'];

/**
 * The history of a case: its steps (from its dates), handling records (附件4), papers put in the file,
 * and every other change with the fields it touched — with who recorded it. No personal field's value:
 * a change to her ID number reads "修改：身份证号".
 */
/** The Chinese words the history prints, the admin's: the 操作日志's action names and the case form's field labels. */
export interface TimelineLabels {
  actions: Readonly<Record<string, string>>;
  fields: Readonly<Record<string, string>>;
}

export async function caseTimeline(
  em: Pick<EntityManager, 'query'>,
  caseId: number,
  words: TimelineLabels,
): Promise<TimelineEntry[]> {
  const [c]: (CaseRow | undefined)[] = await em.query(
    `SELECT pc.*, a.name AS agent_name FROM petition_case pc LEFT JOIN agent a ON a.id = pc.agent_id WHERE pc.id = $1`,
    [caseId],
  );
  if (!c) return [];
  const audit: { action: string; at: Date; by: string | null; changes: Record<string, unknown> | null }[] =
    await em.query(
      `SELECT l.action, l.at, coalesce(u.name, l.user_email) AS by, l.changes
         FROM audit_log l LEFT JOIN admin_user u ON u.id = l.user_id
        WHERE l.resource = 'PetitionCase' AND l.record_id = $1 AND l.action <> ALL($2::text[])
        ORDER BY l.id`,
      [String(caseId), NOT_HISTORY],
    );
  const byEvent = new Map<string, string | null>();
  for (const a of audit) byEvent.set(a.action, a.by);

  const day = (v: unknown) => (v instanceof Date ? localDate(v) : String(v).slice(0, 10));
  const entries: TimelineEntry[] = [];
  for (const s of STEPS) {
    if (!c[s.field]) continue;
    entries.push({
      on: day(c[s.field]),
      kind: 'step',
      title: s.title,
      detail: s.detail?.(c) ?? null,
      by: byEvent.get(s.event) ?? null,
    });
  }

  const labels = words.fields;
  const stepEvents = new Set(STEPS.map((s) => s.event));
  for (const a of audit) {
    if (stepEvents.has(a.action)) continue;
    const fields = Object.keys(a.changes ?? {}).filter((f) => f !== 'rowVersion' && labels[f]);
    // the 操作日志's own words for the action (void, restore, a new query code …)
    const title = a.action === 'update' ? '修改案件信息' : (words.actions[a.action] ?? '其他操作');
    entries.push({
      on: localDate(a.at),
      kind: 'change',
      title,
      detail: a.action === 'update' && fields.length ? `修改：${fields.map((f) => labels[f]).join('、')}` : null,
      by: a.by,
    });
  }

  const records: {
    on: string;
    handler: string;
    department: string | null;
    action: string;
    result: string | null;
    by: string | null;
  }[] = await em.query(
    `SELECT to_char(l.logged_on, 'YYYY-MM-DD') AS on, l.handler, l.department, l.action, l.result, u.name AS by
         FROM case_log l LEFT JOIN admin_user u ON u.id = l.created_by
        WHERE l.case_id = $1 AND l.voided_at IS NULL ORDER BY l.logged_on, l.id`,
    [caseId],
  );
  for (const r of records)
    entries.push({
      on: r.on,
      kind: 'record',
      title: `办案记录：${r.action}`,
      detail: [`承办：${r.handler}${r.department ? `（${r.department}）` : ''}`, r.result ? `结果：${r.result}` : null]
        .filter(Boolean)
        .join('；'),
      by: r.by,
    });

  const documents: { on: string; kind: string; title: string; file_name: string | null }[] = await em.query(
    `SELECT to_char(coalesce(signed_on, (created_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS on,
            kind::text AS kind, title, file_name
       FROM case_document WHERE case_id = $1 AND voided_at IS NULL ORDER BY id`,
    [caseId],
  );
  for (const d of documents)
    entries.push({
      on: d.on,
      kind: 'document',
      title: `归入案卷：${enumLabel('case_document_kind', d.kind)}`,
      detail: d.file_name ? `${d.title}（已上传扫描件）` : d.title,
      by: null,
    });

  // by day; within a day, in the order pushed (the file's order of steps, then records and papers)
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.on.localeCompare(b.e.on) || a.i - b.i)
    .map((x) => x.e);
}
