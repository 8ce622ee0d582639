import bcrypt from 'bcryptjs';
import pg from 'pg';
import { validateAgent } from '../src/domain/agent-rules.js';
import { caseFileDateProblem, workflowOrderProblems } from '../src/domain/case-workflow.js';
import { validateCertificateReview } from '../src/domain/certificate-review-rules.js';
import { idNumberProblem } from '../src/domain/id-number.js';
import { validateOrganization } from '../src/domain/organization-rules.js';
import { validatePetitionCase } from '../src/domain/petition-case-rules.js';
import { validateTraining } from '../src/domain/training-rules.js';
import { validateWorkPoint } from '../src/domain/work-point-rules.js';
import { LEGAL_SCHEDULE } from '../src/services/legal-schedule.js';
import { buildDemoData, isDatabaseEmpty, loadDemoData } from '../src/seed/demo-data/load-demo-data.js';
import { connectedTestDatabase } from './support/database.js';

const TABLES = [
  'organization',
  'admin_user',
  'work_point',
  'work_system',
  'agent',
  'certificate',
  'certificate_review',
  'training',
  'training_attendance',
  'petition_case',
  'case_document',
  'case_log',
];

async function column<T>(client: pg.Client, sql: string): Promise<T[]> {
  const { rows } = await client.query(sql);
  return rows.map((r) => Object.values(r)[0] as T);
}

async function count(client: pg.Client, sql: string): Promise<number> {
  return Number((await column<string>(client, sql))[0]);
}

/** md5 of every row of every table, in id order: equal fingerprints mean equal data. */
async function fingerprint(client: pg.Client): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    result[table] = (
      await column<string>(client, `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t.id)) FROM ${table} t`)
    )[0];
  }
  return result;
}

const DEMO_TODAY = '2026-11-20';

/** Rows the app's own forms would refuse, with their problems. */
function refused<T>(rows: T[], validate: (row: T) => object): { row: T; problems: object }[] {
  return rows.map((row) => ({ row, problems: validate(row) })).filter((r) => Object.keys(r.problems).length > 0);
}

describe('demo rows', () => {
  const data = buildDemoData();
  const today = DEMO_TODAY;

  it('pass the validation rules of the forms', () => {
    const orgs = new Map(data.organization.map((o) => [o.id, o]));
    const counties = new Map(data.organization.filter((o) => o.level === 'county').map((o) => [o.id, o.name]));
    expect(
      refused(data.organization, (o) => {
        const parent = o.parent_id === null ? null : orgs.get(o.parent_id)!;
        return validateOrganization(
          { code: o.code, name: o.name, level: o.level, parentId: o.parent_id, contactPhone: o.contact_phone },
          { parent },
        );
      }),
    ).toEqual([]);
    expect(
      refused(data.agent, (a) =>
        validateAgent(
          {
            name: a.name,
            gender: a.gender,
            idNumber: a.id_number,
            phone: a.phone,
            appointedOn: a.appointed_on,
            townshipId: a.township_id,
          },
          { today },
        ),
      ),
    ).toEqual([]);
    expect(
      refused(data.certificate_review, (r) =>
        validateCertificateReview({ reviewedOn: r.reviewed_on, result: r.result, reviewer: r.reviewer }, { today }),
      ),
    ).toEqual([]);
    expect(
      refused(data.work_point, (w) =>
        validateWorkPoint(
          {
            name: w.name,
            phone: w.phone,
            establishedOn: w.established_on,
            isPilot: w.is_pilot,
            pilotYear: w.pilot_year,
          },
          { today, countyName: counties.get(w.county_id)! },
        ),
      ),
    ).toEqual([]);
    expect(
      refused(data.training, (t) =>
        validateTraining({ title: t.title, organizer: t.organizer, heldOn: t.held_on, hours: t.hours }, { today }),
      ),
    ).toEqual([]);
    expect(
      refused(data.petition_case, (c) =>
        validatePetitionCase(
          {
            petitionerName: c.petitioner_name,
            petitionerIdNumber: c.petitioner_id_number,
            petitionerPhone: c.petitioner_phone,
            subject: c.subject,
            isGroup: c.is_group,
            groupSize: c.group_size,
            extensionDays: c.extension_days,
            extensionApprovedBy: c.extension_approved_by,
            extensionReason: c.extension_reason,
            acceptedOn: c.accepted_on,
            acceptanceNotifiedOn: c.acceptance_notified_on,
            agreementSignedOn: c.agreement_signed_on,
            notifiedOn: c.notified_on,
            representingSince: c.representing_since,
            extensionNotifiedOn: c.extension_notified_on,
            concludedOn: c.concluded_on,
            replyIssuedOn: c.reply_issued_on,
            reviewRequestedOn: c.review_requested_on,
            reviewAnsweredOn: c.review_answered_on,
            archivedOn: c.archived_on,
            terminatedOn: c.terminated_on,
          },
          { today },
        ),
      ),
    ).toEqual([]);
  });

  it('follow the order of the workflow (受理-代理-终结-立案归档, 协议第五条 review window)', () => {
    const camel = (row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()), v]),
      );
    expect(
      data.petition_case
        .map((c) => ({
          caseNo: c.case_no,
          problems: workflowOrderProblems(camel(c as unknown as Record<string, unknown>) as never, LEGAL_SCHEDULE),
        }))
        .filter((r) => r.problems.length),
    ).toEqual([]);
    const accepted = new Map(data.petition_case.map((c) => [c.id, c.accepted_on]));
    const dated = [
      ...data.case_log.map((l) => ({ caseId: l.case_id, date: l.logged_on })),
      ...data.case_document.map((d) => ({ caseId: d.case_id, date: d.signed_on })),
    ];
    expect(dated.filter((d) => caseFileDateProblem(d.date, accepted.get(d.caseId), today, '日期'))).toEqual([]);
  });

  it('is the same on every build', () => {
    expect(JSON.stringify(buildDemoData())).toEqual(JSON.stringify(data));
  });
});

describe('demo data', () => {
  const first = connectedTestDatabase();
  const second = connectedTestDatabase();

  beforeAll(async () => {
    expect(await isDatabaseEmpty(first())).toBe(true);
    await loadDemoData(first());
  });

  it('is no longer empty once loaded', async () => {
    expect(await isDatabaseEmpty(first())).toBe(false);
  });

  it('has 平顶山市 and its ten county-level units with their codes', async () => {
    const orgs = await first().query(
      `SELECT code, name, short_name FROM organization WHERE level IN ('city', 'county') ORDER BY code`,
    );
    expect(orgs.rows).toHaveLength(11);
    expect(orgs.rows[0]).toEqual({ code: '410400', name: '平顶山市', short_name: '平顶山' });
    expect(orgs.rows.map((o) => o.code)).toEqual([
      '410400',
      '410402',
      '410403',
      '410404',
      '410411',
      '410421',
      '410422',
      '410423',
      '410425',
      '410481',
      '410482',
    ]);
    expect(await count(first(), `SELECT count(*) FROM organization WHERE level = 'township'`)).toBeGreaterThan(100);
    expect(await count(first(), `SELECT count(*) FROM organization WHERE level = 'village'`)).toBeGreaterThan(20);
    const namedWorkPoints = await count(
      first(),
      `SELECT count(*) FROM work_point w JOIN organization o ON o.id = w.county_id WHERE w.name = o.name || '妇女信访代理工作点'`,
    );
    expect(namedWorkPoints).toBe(10);
  });

  it('has the three demo accounts with the documented password', async () => {
    const users = await first().query(
      `SELECT email, role, o.name AS county, password_hash FROM admin_user u LEFT JOIN organization o ON o.id = u.county_id
       WHERE email IN ('city@example.org', 'xinhua@example.org', 'leader@example.org') ORDER BY email`,
    );
    expect(users.rows.map(({ email, role, county }) => ({ email, role, county }))).toEqual([
      { email: 'city@example.org', role: 'city_admin', county: null },
      { email: 'leader@example.org', role: 'leader', county: null },
      { email: 'xinhua@example.org', role: 'county_staff', county: '新华区' },
    ]);
    expect(bcrypt.compareSync('demo12345', users.rows[0].password_hash)).toBe(true);
  });

  it('has about 300 agents and 3,000 cases in every state, certificate status and review result', async () => {
    const agents = await count(first(), 'SELECT count(*) FROM agent');
    expect(agents).toBeGreaterThanOrEqual(250);
    expect(agents).toBeLessThanOrEqual(350);
    expect(await count(first(), 'SELECT count(*) FROM petition_case')).toBe(3000);
    expect(await column(first(), 'SELECT DISTINCT state::text FROM petition_case ORDER BY 1')).toEqual([
      'accepted',
      'archived',
      'concluded',
      'representing',
      'terminated',
    ]);
    expect(await column(first(), 'SELECT DISTINCT status::text FROM certificate ORDER BY 1')).toEqual([
      'issued',
      'produced',
      'revoked',
      'suspended',
    ]);
    expect(await column(first(), 'SELECT DISTINCT result::text FROM certificate_review ORDER BY 1')).toEqual([
      'failed',
      'passed',
    ]);
  });

  it('shows what the dashboards look for: coverage gaps, overdue reviews and overdue open cases', async () => {
    const townshipsWithoutAgent = await count(
      first(),
      `SELECT count(*) FROM organization o WHERE level = 'township' AND NOT EXISTS (SELECT 1 FROM agent a WHERE a.township_id = o.id)`,
    );
    expect(townshipsWithoutAgent).toBeGreaterThan(0);
    const overdueReviews = await count(
      first(),
      `SELECT count(*) FROM certificate c WHERE status = 'issued'
         AND coalesce((SELECT max(reviewed_on) FROM certificate_review r WHERE r.certificate_id = c.id), issued_on) < date '2025-11-20'`,
    );
    expect(overdueReviews).toBeGreaterThan(0);
    const overdueOpen = await count(
      first(),
      `SELECT count(*) FROM petition_case WHERE state IN ('accepted', 'representing')
         AND accepted_on + 60 + coalesce(extension_days, 0) < date '2026-11-20'`,
    );
    expect(overdueOpen).toBeGreaterThan(0);
    // overdue on purpose, as a real office is: a reply or a handling limit missed in the last months,
    // never a concluded file left without its reply (附件2 第五条) for years
    const unrepliedLongAgo = await count(
      first(),
      `SELECT count(*) FROM petition_case WHERE concluded_on IS NOT NULL AND reply_issued_on IS NULL
         AND concluded_on < date '2026-11-20' - 30`,
    );
    expect(unrepliedLongAgo).toBe(0);
    const unreplied = await count(
      first(),
      `SELECT count(*) FROM petition_case WHERE concluded_on IS NOT NULL AND reply_issued_on IS NULL`,
    );
    expect(unreplied).toBeGreaterThan(0);
    const longestOverdue = await count(
      first(),
      `SELECT coalesce(max(date '2026-11-20' - action_due_on), 0) FROM petition_case
        WHERE voided_at IS NULL AND action_due_on < date '2026-11-20'`,
    );
    expect(longestOverdue).toBeLessThan(200);
    // 重复信访 found by ID number and marked by hand, and her ratings (满意率, 信访人不满意) to count
    const repeats = await count(
      first(),
      `SELECT count(*) FROM petition_case c
        WHERE is_repeat_petition(c.id, c.county_id, c.accepted_on, c.petitioner_id_number, c.repeat_of_id)`,
    );
    const marked = await count(first(), `SELECT count(*) FROM petition_case WHERE repeat_of_id IS NOT NULL`);
    expect(marked).toBeGreaterThan(0);
    expect(repeats).toBeGreaterThan(marked);
    const dissatisfied = await count(first(), `SELECT count(*) FROM case_rating WHERE rating = 'dissatisfied'`);
    expect(dissatisfied).toBeGreaterThan(0);
    expect(await count(first(), `SELECT count(*) FROM case_rating`)).toBeGreaterThan(dissatisfied * 5);
  });

  it('numbers cases gap-free per county and year, and dates nothing after the demo today', async () => {
    const gaps = await count(
      first(),
      `SELECT count(*) FROM (
         SELECT split_part(case_no, '-', 1) AS county, split_part(case_no, '-', 2) AS year,
                max(split_part(case_no, '-', 3)::int) AS top, count(*) AS n
         FROM petition_case GROUP BY 1, 2) t
       WHERE top <> n`,
    );
    expect(gaps).toBe(0);
    expect(
      await count(first(), `SELECT count(*) FROM petition_case WHERE case_no !~ '^[^-]+-20(2[2-6])-[0-9]{4}$'`),
    ).toBe(0);
    expect(
      await column(
        first(),
        `SELECT max(greatest(accepted_on, concluded_on, reply_issued_on, archived_on,
      terminated_on, review_answered_on))::text FROM petition_case`,
      ),
    ).toEqual(['2026-11-20']);
  });

  it('gives every agent and petitioner a valid ID number', async () => {
    const ids = await column<string>(
      first(),
      'SELECT id_number FROM agent UNION ALL SELECT petitioner_id_number FROM petition_case WHERE petitioner_id_number IS NOT NULL',
    );
    expect(ids.length).toBeGreaterThan(3000);
    expect(ids.filter((id) => idNumberProblem(id) !== null)).toEqual([]);
  });

  it('loads the same data into another fresh database', async () => {
    await loadDemoData(second());
    expect(await fingerprint(second())).toEqual(await fingerprint(first()));
  });

  it('replaces the data on a second() load instead of adding to it', async () => {
    const before = await fingerprint(first());
    const messages: string[] = [];
    await loadDemoData(first(), (m) => messages.push(m));
    expect(messages).toContain('正在写入案件 3000 条…');
    expect(await fingerprint(first())).toEqual(before);
    expect(await count(first(), 'SELECT count(*) FROM petition_case')).toBe(3000);
    // new rows continue after the demo's ids
    await first().query('BEGIN');
    const { rows } = await first().query(
      `INSERT INTO organization (code, name, level, parent_id, county_id) VALUES ('410402999', '测试街道', 'township', 2, 2) RETURNING id`,
    );
    await first().query('ROLLBACK');
    expect(rows[0].id).toBe((await count(first(), 'SELECT max(id) FROM organization')) + 1);
  });
});
