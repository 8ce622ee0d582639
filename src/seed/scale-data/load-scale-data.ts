import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { CASES_FROM, day, type Day, yearOf } from '../demo-data/calendar.js';
import { buildCaseFiles } from '../demo-data/case-files.js';
import { draftCase, type CaseContext, type DemoCase } from '../demo-data/cases.js';
import { PROGRAM_TABLES } from '../demo-data/load-demo-data.js';
import { Random } from '../demo-data/random.js';
import { copyChunks, copyIn, copyLine } from './copy-in.js';
import { agentChooser, buildScaleWorld, hash, type ScaleWorld } from './scale-world.js';

export interface ScaleOptions {
  cases: number;
  agents: number;
  counties: number;
  /** the day the world is seen on (cases accepted 2022-01-01 … today, in every state they reached by then) */
  today: string;
  seed?: string;
  /** cases generated and copied per round */
  batch?: number;
}

export interface ScaleProgress {
  phase: string;
  done: number;
  total: number;
}

export interface ScaleCounts {
  organization: number;
  admin_user: number;
  agent: number;
  certificate: number;
  certificate_review: number;
  petition_case: number;
  case_document: number;
  case_log: number;
}

/**
 * Replaces the program's data with a generated world of `cases` cases and `agents` agents over
 * `counties` counties, streamed into PostgreSQL with COPY in one transaction. Each case carries the
 * demo's full file: registration form, agreement, notification, handling record and reply as far as
 * its state goes, and one to five handling-log entries (about 4 documents and 2.4 log entries a case).
 * Deterministic for the same options.
 */
export async function loadScaleData(
  client: pg.ClientBase,
  opts: ScaleOptions,
  progress: (p: ScaleProgress) => void = () => {},
): Promise<ScaleCounts> {
  const today = day(opts.today);
  if (today < CASES_FROM) throw new Error('today must be on or after 2022-01-01');
  progress({ phase: '生成组织机构与代理员', done: 0, total: opts.cases });
  const world = buildScaleWorld(opts);
  const counts: ScaleCounts = {
    organization: world.organizationRows.length,
    admin_user: world.users.length,
    agent: world.agents.agentRows.length,
    certificate: world.agents.certificateRows.length,
    certificate_review: world.agents.reviewRows.length,
    petition_case: 0,
    case_document: 0,
    case_log: 0,
  };
  await client.query('BEGIN');
  try {
    await client.query(`TRUNCATE ${PROGRAM_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    const small: [string, object[]][] = [
      ['organization', world.organizationRows],
      ['admin_user', world.users],
      ['work_point', world.workPoints],
      ['work_system', world.workSystems],
      ['agent', world.agents.agentRows],
      ['certificate', world.agents.certificateRows],
      ['certificate_review', world.agents.reviewRows],
    ];
    progress({ phase: '写入组织机构、用户、工作点、代理员、证书与年审记录', done: 0, total: opts.cases });
    for (const [table, rows] of small) {
      if (rows.length) await copyIn(client, table, Object.keys(rows[0]), copyChunks(rows, Object.keys(rows[0])));
    }
    // the big tables load without their secondary indexes, built once afterwards: far cheaper than
    // maintaining sixteen indexes row by row (the same transaction, so nobody sees them missing)
    const indexes = await dropSecondaryIndexes(client, ['petition_case', 'case_document', 'case_log']);
    await copyCases(client, world, opts, today, counts, progress);
    await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const [i, sql] of indexes.entries()) {
      progress({ phase: '重建索引', done: i, total: indexes.length });
      await client.query(sql);
    }
    progress({ phase: '重建索引', done: indexes.length, total: indexes.length });
    for (const [table] of [...small, ['petition_case'], ['case_document'], ['case_log']]) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`,
        [table],
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  }
  return counts;
}

async function copyCases(
  client: pg.ClientBase,
  world: ScaleWorld,
  opts: ScaleOptions,
  today: Day,
  counts: ScaleCounts,
  progress: (p: ScaleProgress) => void,
): Promise<void> {
  const seed = opts.seed ?? 'wpa-scale';
  const rng = new Random(hash(`scale/${seed}/cases`));
  const filesRng = new Random(hash(`scale/${seed}/case-files`));
  const choose = agentChooser(world.agents.agents);
  const jointMeetingCountyIds = new Set(
    world.workPoints.filter((w) => w.joint_meeting_mechanism).map((w) => w.county_id),
  );
  const ctx: CaseContext = { counties: world.counties, agents: [], jointMeetingCountyIds, usedIdNumbers: new Set() };
  const countyPicks = world.counties.map((c, i) => [i, world.countyWeights[i]] as [number, number]);
  const choosers = world.counties.map(
    (c) => (r: Random, t: Parameters<typeof choose>[1], on: Day) => choose(r, t, on, c.id),
  );
  const caseSeq = new Map<string, number>();
  const archiveSeq = new Map<string, number>();
  const days = today - CASES_FROM + 1;
  const batch = opts.batch ?? 10_000;
  const phones = new Set<string>();
  let caseColumns: string[] | null = null;
  let docColumns: string[] | null = null;
  let logColumns: string[] | null = null;

  for (let start = 0; start < opts.cases; start += batch) {
    const end = Math.min(opts.cases, start + batch);
    const cases: DemoCase[] = [];
    ctx.usedIdNumbers.clear();
    phones.clear();
    for (let i = start; i < end; i++) {
      // acceptance days spread evenly over the years, so ids follow acceptance as in the demo
      const accepted = CASES_FROM + Math.floor((i * days) / opts.cases);
      const ci = rng.weighted(countyPicks);
      const c = draftCase(rng, ctx, world.counties[ci], [], phones, { accepted, chooseAgent: choosers[ci], today });
      c.row.id = i + 1;
      // 新华-2024-0007 per county and year accepted; 新华档-2024-0003 per county and year archived (in case order)
      const key = `${c.county.shortName}-${yearOf(accepted)}`;
      const n = (caseSeq.get(key) ?? 0) + 1;
      caseSeq.set(key, n);
      c.row.case_no = `${key}-${String(n).padStart(4, '0')}`;
      if (c.progress.archived !== null) {
        const akey = `${c.county.shortName}档-${yearOf(c.progress.archived)}`;
        const an = (archiveSeq.get(akey) ?? 0) + 1;
        archiveSeq.set(akey, an);
        c.row.archive_no = `${akey}-${String(an).padStart(4, '0')}`;
      }
      cases.push(c);
    }
    const files = buildCaseFiles(filesRng, cases, world.staffByCounty, today);
    for (const d of files.documentRows) d.id += counts.case_document;
    for (const l of files.logRows) l.id += counts.case_log;

    caseColumns ??= Object.keys(cases[0].row);
    await copyIn(client, 'petition_case', caseColumns, [
      linesOf(
        cases.map((c) => c.row),
        caseColumns,
      ),
    ]);
    if (files.documentRows.length) {
      docColumns ??= Object.keys(files.documentRows[0]);
      await copyIn(client, 'case_document', docColumns, [linesOf(files.documentRows, docColumns)]);
    }
    if (files.logRows.length) {
      logColumns ??= Object.keys(files.logRows[0]);
      await copyIn(client, 'case_log', logColumns, [linesOf(files.logRows, logColumns)]);
    }
    counts.petition_case += cases.length;
    counts.case_document += files.documentRows.length;
    counts.case_log += files.logRows.length;
    progress({ phase: '写入案件、文书与办案记录（案件数）', done: end, total: opts.cases });
  }
}

/** Drops the indexes of `tables` that back no constraint; returns the statements that re-create them. */
async function dropSecondaryIndexes(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX ${r.name}`);
  return rows.map((r) => r.def);
}

function linesOf(rows: readonly object[], columns: readonly string[]): string {
  const parts: string[] = [];
  for (const row of rows) parts.push(copyLine(row as Record<string, unknown>, columns));
  return parts.join('');
}

/** After the load: statistics and the visibility map, so plans and index-only counts are right at once. */
export async function analyzeScaleData(client: pg.ClientBase): Promise<void> {
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
    await client.query(`VACUUM (ANALYZE) ${table}`);
  }
}

/** A \r progress line on stderr: percentage, rows per second, time left. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastPhase = '';
  let phaseStarted = started;
  return (p: ScaleProgress) => {
    const now = performance.now();
    if (p.phase !== lastPhase) {
      if (lastPhase) stream.write('\n');
      lastPhase = p.phase;
      phaseStarted = now;
    }
    const pct = p.total ? (100 * p.done) / p.total : 0;
    const seconds = (now - phaseStarted) / 1000;
    const rate = seconds > 0 ? p.done / seconds : 0;
    const eta = rate > 0 ? (p.total - p.done) / rate : 0;
    const width = 30;
    const filled = Math.round((width * pct) / 100);
    stream.write(
      `\r${p.phase} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct.toFixed(1)}% ` +
        `${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')}/s ` +
        `剩余 ${eta.toFixed(0)}s 总用时 ${((now - started) / 1000).toFixed(0)}s   `,
    );
  };
}
