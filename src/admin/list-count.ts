import type { ObjectLiteral, Repository } from 'typeorm';

/**
 * How list pages count: AdminJS counts every list page it shows. Below `exactBelow` rows
 * the count is exact (COUNT over the same WHERE, by its indexes); for a larger table it first asks the
 * planner, and when the planner expects `exactBelow` rows or more the page shows that estimate instead
 * of counting hundreds of thousands of rows on every page (pg_class.reltuples for an unfiltered list).
 * A county clerk's lists (a county's cases) stay exact; a leader's province-wide list is estimated.
 */
export const COUNT_POLICY = { exactBelow: 50_000, tableSizeTtlMs: 60_000 };

const tableSizes = new Map<string, { rows: number; at: number }>();

/** The planner's idea of the table's size (reltuples, -1 before the first ANALYZE), cached a minute. */
async function tableEstimate(repo: Repository<ObjectLiteral>): Promise<number> {
  const table = repo.metadata.tableName;
  const cached = tableSizes.get(table);
  if (cached && Date.now() - cached.at < COUNT_POLICY.tableSizeTtlMs) return cached.rows;
  const [row] = await repo.query(`SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = to_regclass($1)`, [table]);
  const rows = Number(row?.rows ?? -1);
  tableSizes.set(table, { rows, at: Date.now() });
  return rows;
}

export function forgetTableSizes(): void {
  tableSizes.clear();
}

export interface ListCount {
  count: number;
  estimated: boolean;
}

/** The number of rows `where` (TypeORM find options) selects: exact when small, else the planner's estimate. */
export async function countForList(repo: Repository<ObjectLiteral>, where: ObjectLiteral): Promise<ListCount> {
  if ((await tableEstimate(repo)) < COUNT_POLICY.exactBelow)
    return { count: await repo.count({ where }), estimated: false };
  const [sql, params] = repo
    .createQueryBuilder(repo.metadata.targetName)
    .setFindOptions({ where })
    .getQueryAndParameters();
  const [plan] = await repo.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const expected = Math.round(Number(plan['QUERY PLAN'][0].Plan['Plan Rows']));
  if (expected < COUNT_POLICY.exactBelow) return { count: await repo.count({ where }), estimated: false };
  return { count: expected, estimated: true };
}
