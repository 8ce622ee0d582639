import { repeatPetitionSql } from '../services/repeat-petitions.js';

/**
 * The dashboard's materialised snapshots (migrations/1764000500000_scale-indexes.ts): for a province's
 * million cases the live scorecard takes seconds, so once petition_case is large the dashboard reads
 * snapshots refreshed every few minutes (docs/reporting.md, 数据时效). Small programs stay live.
 */

/** Runs SQL: a pg client (rows in `.rows`), a TypeORM DataSource or EntityManager (rows as the result). */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The rows of a result, typed by the caller: the result itself (TypeORM) or its `.rows` (pg). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** The snapshots, each with the live relation it copies (what the dashboard reads when live). */
export const SNAPSHOTS = {
  scorecard: { snapshot: 'reporting.county_scorecard_snapshot', live: 'reporting.county_scorecard' },
  ranking: { snapshot: 'reporting.county_ranking_snapshot', live: 'reporting.county_ranking' },
  monthCases: { snapshot: 'reporting.county_month_cases_snapshot', live: 'reporting.county_month_cases' },
  closure: {
    snapshot: 'reporting.county_closure_snapshot',
    live: `(SELECT county_id, year, as_of, cases_accepted, cases_due, cases_closed, closure_rate_pct,
              cases_closed_on_time, on_time_closure_pct, cases_terminated FROM reporting.county_measures)`,
  },
  satisfaction: {
    snapshot: 'reporting.county_satisfaction_snapshot',
    live: `(SELECT county_id, year, replies, ratings, satisfied, basically_satisfied, dissatisfied, satisfaction_rate_pct,
              rated_pct FROM reporting.county_satisfaction)`,
  },
  // 重复信访 per county and year of acceptance (is_repeat_petition, migration 1796186625143)
  repeats: {
    snapshot: 'reporting.county_repeats_snapshot',
    live: `(SELECT c.county_id, extract(year FROM c.accepted_on)::int AS year, count(*)::int AS repeats
              FROM petition_case c WHERE c.voided_at IS NULL AND ${repeatPetitionSql('c')}
             GROUP BY c.county_id, extract(year FROM c.accepted_on))`,
  },
  caseMix: {
    snapshot: 'reporting.county_case_mix_snapshot',
    live: `(SELECT county_id, accepted_year AS year, category_label, source_label, count(*)::int AS cases
              FROM reporting.case_facts GROUP BY county_id, accepted_year, category_label, source_label)`,
  },
} as const;

export type SnapshotName = keyof typeof SNAPSHOTS;
export type Relations = Record<SnapshotName, string>;

const REFRESH_LOCK = 4_140_411;

/** When the snapshots were last refreshed, or null (never: they are empty). */
export async function snapshotRefreshedAt(db: Queryable): Promise<Date | null> {
  const [row] = rowsOf<{ refreshed_at: Date | string }>(
    await db.query(`SELECT r.refreshed_at FROM reporting.snapshot_refresh r
                     WHERE (SELECT bool_and(ispopulated) FROM pg_matviews WHERE schemaname = 'reporting' AND matviewname LIKE '%\\_snapshot')`),
  );
  return row ? new Date(row.refreshed_at) : null;
}

/** The planner's count of cases (pg_class.reltuples; -1 before the first ANALYZE). */
export async function estimatedCases(db: Queryable): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.query(`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'petition_case'::regclass`),
  );
  return Number(row?.n ?? -1);
}

/**
 * Refreshes every snapshot (CONCURRENTLY once filled, so the dashboard keeps reading the old one) and
 * records when; another instance refreshing at the same time makes this one step aside (false).
 */
export async function refreshReportingSnapshots(db: Queryable): Promise<boolean> {
  const [lock] = rowsOf<{ got: boolean }>(await db.query('SELECT pg_try_advisory_lock($1) AS got', [REFRESH_LOCK]));
  if (!lock.got) return false;
  try {
    const started = Date.now();
    const populated = (await snapshotRefreshedAt(db)) !== null;
    for (const { snapshot } of Object.values(SNAPSHOTS)) {
      await db.query(`REFRESH MATERIALIZED VIEW ${populated ? 'CONCURRENTLY ' : ''}${snapshot}`);
    }
    await db.query(
      `INSERT INTO reporting.snapshot_refresh (id, refreshed_at, took_ms) VALUES (true, now(), $1)
       ON CONFLICT (id) DO UPDATE SET refreshed_at = excluded.refreshed_at, took_ms = excluded.took_ms`,
      [Date.now() - started],
    );
    return true;
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [REFRESH_LOCK]);
  }
}

export interface SnapshotPolicy {
  /** snapshots are read once the program has this many cases */
  minCases: number;
}

let decided: { at: number; relations: Relations; asOf: Date | null } | null = null;

/**
 * What the dashboard reads: the live views, or (for a large program whose snapshots are filled) the
 * snapshots and the time they were taken. Decided at most once a minute.
 */
export async function dashboardRelations(
  db: Queryable,
  policy: SnapshotPolicy,
): Promise<{ relations: Relations; asOf: Date | null }> {
  if (decided && Date.now() - decided.at < 60_000) return decided;
  const live = Object.fromEntries(Object.entries(SNAPSHOTS).map(([k, v]) => [k, v.live])) as Relations;
  let relations = live;
  let asOf: Date | null = null;
  if ((await estimatedCases(db)) >= policy.minCases) {
    asOf = await snapshotRefreshedAt(db);
    if (asOf) relations = Object.fromEntries(Object.entries(SNAPSHOTS).map(([k, v]) => [k, v.snapshot])) as Relations;
  }
  decided = { at: Date.now(), relations, asOf };
  return decided;
}

export function forgetDashboardRelations(): void {
  decided = null;
}

/**
 * Keeps the snapshots fresh while the program is large: at start when they are missing or older than
 * the interval, then every `minutes`. Returns a stop function.
 */
export function startSnapshotRefresher(
  db: Queryable,
  opts: SnapshotPolicy & { minutes: number; log: (msg: string) => void },
): () => void {
  if (opts.minutes <= 0) return () => {};
  let running = false;
  const tick = async (startup: boolean) => {
    if (running) return;
    running = true;
    try {
      if ((await estimatedCases(db)) < opts.minCases) return;
      const last = await snapshotRefreshedAt(db);
      if (startup && last && Date.now() - last.getTime() < opts.minutes * 60_000) return;
      const started = Date.now();
      if (await refreshReportingSnapshots(db)) {
        forgetDashboardRelations();
        opts.log(`报表快照已刷新，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      }
    } catch (e) {
      opts.log(`报表快照刷新出错: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(true), 2_000);
  const timer = setInterval(() => void tick(false), opts.minutes * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
