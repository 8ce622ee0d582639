import type { EntityManager } from 'typeorm';
import { archiveNoPrefix, caseNoPrefix, formatArchiveNo, formatCaseNo } from '../domain/case-number.js';

type Prefix = (countyShortName: string, year: number) => string;

/**
 * The next number of a series (case or archive numbers) of one county and year, gap-free. A
 * transaction-scoped advisory lock on the series serialises concurrent creations; the number is the
 * highest committed one plus one, read after the lock is held (READ COMMITTED takes a fresh snapshot
 * per statement), so a rolled-back creation leaves no gap.
 */
async function nextInSeries(
  em: EntityManager,
  series: { name: string; column: 'case_no' | 'archive_no'; prefix: Prefix; format: typeof formatCaseNo },
  countyId: number,
  year: number,
): Promise<string> {
  await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${series.name}:${countyId}:${year}`]);
  const [county] = await em.query('SELECT coalesce(short_name, name) AS short FROM organization WHERE id = $1', [
    countyId,
  ]);
  const prefix = series.prefix(county.short, year);
  const [{ last }] = await em.query(
    `SELECT coalesce(max(substring(${series.column} FROM length($1) + 1)::int), 0) AS last
       FROM petition_case
      WHERE county_id = $2 AND ${series.column} LIKE $1 || '%' AND substring(${series.column} FROM length($1) + 1) ~ '^[0-9]+$'`,
    [prefix, countyId],
  );
  return series.format(county.short, year, Number(last) + 1);
}

const CASE_SERIES = { name: 'case_no', column: 'case_no', prefix: caseNoPrefix, format: formatCaseNo } as const;
const ARCHIVE_SERIES = {
  name: 'archive_no',
  column: 'archive_no',
  prefix: archiveNoPrefix,
  format: formatArchiveNo,
} as const;

/** 新华-2026-0007: by county and year of acceptance. */
export async function nextCaseNo(em: EntityManager, countyId: number, acceptedOn: string): Promise<string> {
  return nextInSeries(em, CASE_SERIES, countyId, Number(acceptedOn.slice(0, 4)));
}

/** 新华档-2026-0003: by county and year of archiving. */
export async function nextArchiveNo(em: EntityManager, countyId: number, archivedOn: string): Promise<string> {
  return nextInSeries(em, ARCHIVE_SERIES, countyId, Number(archivedOn.slice(0, 4)));
}
