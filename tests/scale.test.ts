import pg from 'pg';
import type { DataSource } from 'typeorm';
import { COUNT_POLICY, countForList, forgetTableSizes } from '../src/admin/list-count.js';
import { idNumberProblem } from '../src/domain/id-number.js';
import { PetitionCase } from '../src/entities/index.js';
import { loadDashboardData } from '../src/reports/dashboard-data.js';
import {
  dashboardRelations,
  forgetDashboardRelations,
  refreshReportingSnapshots,
} from '../src/reports/reporting-snapshots.js';
import { actionableDueSql, deadlineFilterSql } from '../src/services/case-deadline-query.js';
import { loadScaleData } from '../src/seed/scale-data/load-scale-data.js';
import { startTestApp, type TestApp } from './support/app.js';
import { connectedTestDatabase } from './support/database.js';

// A province on one server: the scale generator, the list count strategy, the indexes the lists rely on, the
// dashboard snapshots.

const SMALL = { cases: 2000, agents: 200, counties: 5, today: '2026-11-20' };

async function fingerprint(db: pg.Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [
    'organization',
    'admin_user',
    'agent',
    'certificate',
    'certificate_review',
    'petition_case',
    'case_document',
    'case_log',
  ]) {
    const { rows } = await db.query(
      `SELECT count(*) || ':' || md5(string_agg(t::text, '|' ORDER BY t.id)) AS f FROM ${table} t`,
    );
    out[table] = rows[0].f;
  }
  return out;
}

describe('npm run seed:scale (the generator, on a small world)', () => {
  const db = connectedTestDatabase();
  let counts: Awaited<ReturnType<typeof loadScaleData>>;

  beforeAll(async () => {
    counts = await loadScaleData(db(), SMALL);
  });

  it('writes what it reports, every case with its file', async () => {
    expect(counts.petition_case).toBe(2000);
    expect(counts.agent).toBe(200);
    for (const [table, n] of Object.entries(counts)) {
      const { rows } = await db().query(`SELECT count(*)::int AS n FROM ${table}`);
      expect([table, rows[0].n]).toEqual([table, n]);
    }
    const { rows } = await db().query(`SELECT count(*)::int AS n FROM organization WHERE level = 'county'`);
    expect(rows[0].n).toBe(5);
    const { rows: noFile } = await db().query(
      `SELECT count(*)::int AS n FROM petition_case c WHERE NOT EXISTS (SELECT 1 FROM case_document d WHERE d.case_id = c.id AND d.kind = 'registration')`,
    );
    expect(noFile[0].n).toBe(0);
  });

  it('spreads cases over 2022 … today in every state, numbered per county and year', async () => {
    const { rows } = await db().query(
      `SELECT array_agg(DISTINCT state::text ORDER BY state::text) AS states, min(accepted_on)::text AS first, max(accepted_on)::text AS last,
              bool_and(case_no ~ '-20[0-9]{2}-[0-9]{4}$') AS numbered, count(DISTINCT county_id)::int AS counties
         FROM petition_case`,
    );
    expect(rows[0]).toEqual({
      states: ['accepted', 'archived', 'concluded', 'representing', 'terminated'],
      first: '2022-01-01',
      last: expect.stringMatching(/^2026-11-(1\d|20)$/),
      numbered: true,
      counties: 5,
    });
    // the sequences continue after the generated rows
    const { rows: next } = await db().query(`SELECT nextval('petition_case_id_seq')::int AS id`);
    expect(next[0].id).toBe(2001);
  });

  it('keeps the rules the database does not check: valid ID numbers, agents of the case county', async () => {
    const { rows } = await db().query(
      `SELECT petitioner_id_number AS n FROM petition_case WHERE petitioner_id_number IS NOT NULL LIMIT 300`,
    );
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => idNumberProblem(r.n) !== null)).toEqual([]);
    const { rows: agents } = await db().query(`SELECT id_number AS n FROM agent`);
    expect(agents.filter((r) => idNumberProblem(r.n) !== null)).toEqual([]);
    const { rows: foreign } = await db().query(
      `SELECT count(*)::int AS n FROM petition_case c JOIN agent a ON a.id = c.agent_id WHERE a.county_id <> c.county_id`,
    );
    expect(foreign[0].n).toBe(0);
  });

  it('is deterministic: the same options give the same rows', async () => {
    const first = await fingerprint(db());
    await loadScaleData(db(), SMALL);
    expect(await fingerprint(db())).toEqual(first);
  });
});

describe('list counts, the indexes behind the lists, the dashboard snapshots', () => {
  let app: TestApp;
  let ds: DataSource;
  const policy = { ...COUNT_POLICY };

  beforeAll(async () => {
    app = await startTestApp();
    ds = app.dataSource;
    await app.db.query('ANALYZE petition_case');
  });

  afterAll(async () => {
    Object.assign(COUNT_POLICY, policy);
    forgetTableSizes();
    await app?.close();
  });

  const repo = () => ds.getRepository(PetitionCase) as never;

  it('counts exactly while the table is small', async () => {
    forgetTableSizes();
    const { rows } = await app.db.query('SELECT count(*)::int AS n FROM petition_case');
    expect(await countForList(repo(), {})).toEqual({ count: rows[0].n, estimated: false });
  });

  it('estimates a large unfiltered list, counts a small filtered one exactly', async () => {
    Object.assign(COUNT_POLICY, { exactBelow: 500 });
    forgetTableSizes();
    const { rows } = await app.db.query(`SELECT reltuples::int AS n FROM pg_class WHERE relname = 'petition_case'`);
    const all = await countForList(repo(), {});
    expect(all.estimated).toBe(true);
    expect(all.count).toBe(rows[0].n);

    const { rows: small } = await app.db.query(
      `SELECT county_id, count(*)::int AS n FROM petition_case WHERE state = 'accepted' GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    );
    const filtered = await countForList(repo(), { countyId: small[0].county_id, state: 'accepted' });
    expect(filtered).toEqual({ count: small[0].n, estimated: false });
    Object.assign(COUNT_POLICY, policy);
    forgetTableSizes();
  });

  it('gives a county clerk the exact total of her list through HTTP', async () => {
    const clerk = app.session();
    expect(await clerk.login('xinhua@example.org')).toBe(true);
    const { json } = await clerk.api('GET', '/resources/PetitionCase/actions/list?filters.state=archived');
    const { rows } = await app.db.query(
      `SELECT count(*)::int AS n FROM petition_case c JOIN admin_user u ON u.county_id = c.county_id
        WHERE u.email = 'xinhua@example.org' AND c.state = 'archived' AND c.voided_at IS NULL`,
    );
    expect(json.meta.total).toBe(rows[0].n);
  });

  it('filters 已超期 on the indexed due day (petition_case.action_due_on, kept by a trigger)', async () => {
    const client = (await ds.driver.obtainMasterConnection()) as [pg.PoolClient, () => void];
    const [conn, release] = client;
    try {
      await conn.query('BEGIN');
      await conn.query('SET LOCAL enable_seqscan = off');
      const sql = deadlineFilterSql('overdue', actionableDueSql('"PetitionCase"')).replace(
        ':deadlineToday',
        `'2026-11-20'`,
      );
      const { rows } = await conn.query(
        `EXPLAIN SELECT "PetitionCase".id FROM petition_case "PetitionCase" WHERE "PetitionCase".county_id = 2 AND ${sql}`,
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/ix_petition_case_(county_)?action_due/);
      await conn.query('ROLLBACK');
    } finally {
      release();
    }
  });

  it('reads the same dashboard from the snapshots as from the live views', async () => {
    const leader = { id: 2, role: 'leader', countyId: null } as never;
    const live = await loadDashboardData(ds, leader, 2025);
    await refreshReportingSnapshots(ds);
    forgetDashboardRelations();
    const from = await dashboardRelations(ds, { minCases: 0 });
    expect(from.asOf).not.toBeNull();
    const snap = await loadDashboardData(ds, leader, 2025, from);
    expect({ ...snap, snapshotAt: null }).toEqual(live);
    expect(snap.snapshotAt).toEqual(from.asOf!.toISOString());
    forgetDashboardRelations();
    // a small program stays live
    expect((await dashboardRelations(ds, { minCases: 1_000_000 })).asOf).toBeNull();
    forgetDashboardRelations();
  });
});
