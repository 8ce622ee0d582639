import {
  INFO_REPORT_KINDS,
  INSPECTION_STANDARDS,
  STANDARD_RESULTS,
  type InfoReportKind,
  type InspectionStandard,
  type StandardResult,
} from '../../domain/vocabulary.js';
import { day, timestamp } from './calendar.js';
import type { County } from './places.js';
import type { AdminUserRow } from './users.js';
import type { WorkPointRow } from './work-points.js';
import { assertListed } from './json-values.js';
import supervision from './supervision.json' with { type: 'json' };

// The demo of 通知公告, 信息上报 and 督导检查: the city's notices (新华区 has one unread), county information reports (some
// adopted), and this autumn's supervision visits to 新华区 and 叶县 with open and overdue rectifications. Written
// out by hand in supervision.json, so the same on every build; dates are before the demo's today, 2026-11-20.

type Row = Record<string, unknown>;

interface NoticeSpec {
  county: string | null;
  title: string;
  body: string;
  publishedOn: string | null;
  targets?: string[];
  /** addressed counties that have not read it */
  unread?: string[];
}

interface ReportSpec {
  county: string;
  kind: InfoReportKind;
  title: string;
  content: string;
  submittedOn: string;
  comment?: string;
  adoptedOn?: string;
}

interface InspectionSpec {
  county: string;
  title: string;
  inspectedOn: string;
  overall: StandardResult;
  summary: string;
  findings: [InspectionStandard, StandardResult, string][];
  rectifications: { standard: InspectionStandard; item: string; dueOn: string; doneOn?: string; evidence?: string }[];
}

// JSON types a report's kind, a standard and a result as a plain string: each is checked against the stored
// value list here, as the module loads, and then typed.
const { notices, reports, inspections } = supervision;
for (const r of reports) assertListed('supervision.json', INFO_REPORT_KINDS, r.kind);
for (const v of inspections) {
  assertListed('supervision.json', STANDARD_RESULTS, v.overall);
  for (const [standard, result] of v.findings) {
    assertListed('supervision.json', INSPECTION_STANDARDS, standard);
    assertListed('supervision.json', STANDARD_RESULTS, result);
  }
  for (const r of v.rectifications) assertListed('supervision.json', INSPECTION_STANDARDS, r.standard);
}

const NOTICES: NoticeSpec[] = notices;
const REPORTS = reports as ReportSpec[];
const INSPECTIONS = inspections as InspectionSpec[];

export function buildSupervision(counties: County[], users: AdminUserRow[], workPoints: WorkPointRow[]) {
  const countyId = (name: string) => counties.find((c) => c.name === name)!.id;
  const staff = (county: number) => users.find((u) => u.county_id === county)!.id;
  const cityAdmin = users.find((u) => u.role === 'city_admin')!.id;
  const all = counties.map((c) => c.id);

  const notice: Row[] = [];
  const notice_recipient: Row[] = [];
  NOTICES.forEach((n, i) => {
    const sender = n.county === null ? null : countyId(n.county);
    const author = sender === null ? cityAdmin : staff(sender);
    const published = n.publishedOn === null ? null : timestamp(day(n.publishedOn), 10);
    const created = timestamp(day(n.publishedOn ?? '2026-11-18'), 9);
    notice.push({
      id: i + 1,
      county_id: sender,
      title: n.title,
      body: n.body,
      status: published ? 'published' : 'draft',
      target_county_ids: n.targets ? n.targets.map(countyId) : null,
      files: '[]',
      published_at: published,
      published_by: published ? author : null,
      created_by: author,
      created_at: created,
      updated_at: published ?? created,
    });
    if (!published) return;
    for (const county of sender === null ? all : [sender]) {
      const read = !(n.unread ?? []).some((name) => countyId(name) === county);
      notice_recipient.push({
        id: notice_recipient.length + 1,
        notice_id: i + 1,
        county_id: county,
        read_at: read ? timestamp(day(n.publishedOn!) + 1, 9) : null,
        read_by: read ? staff(county) : null,
        created_at: published,
      });
    }
  });

  const info_report: Row[] = REPORTS.map((r, i) => {
    const county = countyId(r.county);
    const commented = r.comment ? timestamp(day(r.adoptedOn ?? r.submittedOn) + (r.adoptedOn ? 0 : 2), 15) : null;
    return {
      id: i + 1,
      county_id: county,
      kind: r.kind,
      title: r.title,
      content: r.content,
      submitted_on: r.submittedOn,
      personal_data_requested: false,
      city_comment: r.comment ?? null,
      commented_at: commented,
      commented_by: commented ? cityAdmin : null,
      adopted: Boolean(r.adoptedOn),
      adopted_at: r.adoptedOn ? timestamp(day(r.adoptedOn), 15) : null,
      adopted_by: r.adoptedOn ? cityAdmin : null,
      created_by: staff(county),
      created_at: timestamp(day(r.submittedOn), 9),
      updated_at: timestamp(day(r.adoptedOn ?? r.submittedOn), 15),
    };
  });

  const inspection: Row[] = [];
  const inspection_finding: Row[] = [];
  const rectification: Row[] = [];
  INSPECTIONS.forEach((v, i) => {
    const county = countyId(v.county);
    const at = timestamp(day(v.inspectedOn), 16);
    inspection.push({
      id: i + 1,
      county_id: county,
      work_point_id: workPoints.find((w) => w.county_id === county)!.id,
      title: v.title,
      inspected_on: v.inspectedOn,
      inspectors: '市妇联权益部 王琼、张敏',
      overall_result: v.overall,
      summary: v.summary,
      files: '[]',
      created_by: cityAdmin,
      created_at: at,
      updated_at: at,
    });
    for (const [standard, result, finding] of v.findings) {
      inspection_finding.push({
        id: inspection_finding.length + 1,
        inspection_id: i + 1,
        county_id: county,
        standard,
        result,
        finding,
        created_at: at,
        updated_at: at,
      });
    }
    for (const r of v.rectifications) {
      rectification.push({
        id: rectification.length + 1,
        inspection_id: i + 1,
        county_id: county,
        standard: r.standard,
        item: r.item,
        due_on: r.dueOn,
        status: r.doneOn ? 'done' : 'open',
        done_on: r.doneOn ?? null,
        evidence: r.evidence ?? null,
        done_by: r.doneOn ? staff(county) : null,
        files: '[]',
        created_at: at,
        updated_at: r.doneOn ? timestamp(day(r.doneOn), 11) : at,
      });
    }
  });

  return { notice, notice_recipient, info_report, inspection, inspection_finding, rectification };
}
