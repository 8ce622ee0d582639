import { DEMO_TODAY, Day, iso, timestamp } from './calendar.js';
import { JOINT_MEETING_LOG, LOG_TEMPLATES, type LogTemplate } from './case-texts.js';
import type { DemoCase } from './cases.js';
import { Random } from './random.js';

type DocumentKind = 'registration' | 'agreement' | 'notification' | 'handling_record' | 'reply_opinion';

// 一案一卷: attachments 1–5 of the notice, under the titles it gives them.
const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  registration: '平顶山市妇女信访代理工作登记表',
  agreement: '平顶山市妇女信访代理协议书',
  notification: '平顶山市妇女信访代理告知书',
  handling_record: '平顶山市妇女信访代理办案记录表',
  reply_opinion: '平顶山市妇女信访代理案件答复意见书',
};

export interface CaseDocumentRow {
  id: number;
  case_id: number;
  county_id: number;
  kind: DocumentKind;
  title: string;
  signed_on: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface CaseLogRow {
  id: number;
  case_id: number;
  county_id: number;
  logged_on: string;
  handler: string;
  department: string;
  action: string;
  result: string;
  created_by: number | null;
  created_at: string;
}

export interface CaseFiles {
  documentRows: CaseDocumentRow[];
  logRows: CaseLogRow[];
}

/**
 * Each case's file as far as its state goes: the registration form; agreement and notification once
 * represented; the handling record of its log entries; the reply opinion once issued.
 * `staffByCounty` names the county user recorded as having entered them.
 */
export function buildCaseFiles(
  rng: Random,
  cases: DemoCase[],
  staffByCounty: Map<number, number>,
  today: Day = DEMO_TODAY,
): CaseFiles {
  const files: CaseFiles = { documentRows: [], logRows: [] };
  for (const c of cases) {
    const staff = staffByCounty.get(c.county.id) ?? null;
    const logDays = addLog(rng, files, c, staff, today);
    const p = c.progress;
    const document = (kind: DocumentKind, on: Day | null) => {
      if (on === null) return;
      files.documentRows.push({
        id: files.documentRows.length + 1,
        case_id: c.row.id,
        county_id: c.county.id,
        kind,
        title: DOCUMENT_TITLES[kind],
        signed_on: iso(on),
        created_by: staff,
        created_at: timestamp(on, 10),
        updated_at: timestamp(on, 10),
      });
    };
    document('registration', p.accepted);
    document('agreement', p.agreementSigned);
    document('notification', p.notified);
    document('handling_record', logDays.length ? logDays[logDays.length - 1] : null);
    document('reply_opinion', p.reply);
  }
  return files;
}

/** One to five entries between the start of representation and its end (or today); returns their days. */
function addLog(rng: Random, files: CaseFiles, c: DemoCase, staff: number | null, today: Day): Day[] {
  const p = c.progress;
  if (p.notified === null) return [];
  const until = p.concluded ?? p.terminated ?? today;
  const days = Array.from({ length: rng.int(1, 5) }, () => rng.int(p.notified!, until)).sort((a, b) => a - b);
  const templates: LogTemplate[] = days.map(() => rng.pick(LOG_TEMPLATES));
  if (c.row.in_joint_meeting) templates[Math.floor(templates.length / 2)] = JOINT_MEETING_LOG;
  days.forEach((on, i) => {
    const t = templates[i];
    const fill = (text: string) =>
      text.replaceAll('{dept}', c.row.respondent_department).replaceAll('{county}', c.county.name);
    files.logRows.push({
      id: files.logRows.length + 1,
      case_id: c.row.id,
      county_id: c.county.id,
      logged_on: iso(on),
      handler: c.agent?.name ?? c.county.contactPerson,
      department: logDepartment(t, c),
      action: fill(t.action),
      result: fill(rng.pick(t.results)),
      created_by: staff,
      created_at: timestamp(on, 17),
    });
  });
  return days;
}

function logDepartment(t: LogTemplate, c: DemoCase): string {
  switch (t.at) {
    case 'department':
      return c.row.respondent_department;
    case 'township':
      return `${c.township.name}妇联`;
    case 'joint_meeting':
      return `${c.county.name}信访联席会议办公室`;
  }
}
