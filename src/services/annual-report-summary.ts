import type { EntityManager } from 'typeorm';
import { sumFigures } from '../domain/case-statistics.js';
import type { AnnualFigures } from '../domain/year-end-carry-over.js';
import type { ReportStatus } from '../domain/vocabulary.js';

type Query = Pick<EntityManager, 'query'>;

export interface CountyReportLine {
  countyId: number;
  countyName: string;
  /** the latest version's status; null: nothing opened yet */
  status: ReportStatus | null;
  version: number | null;
  latestReportId: number | null;
  /** the first submission of a version that was submitted or accepted (what the scorecard judges) */
  submittedAt: Date | null;
  isLate: boolean | null;
  /** the accepted version's frozen figures; null until the city accepts one */
  accepted: {
    reportId: number;
    version: number;
    figures: AnnualFigures;
    remarks: string | null;
    isLate: boolean;
    submittedAt: Date;
  } | null;
}

export interface ClosureSummary {
  year: number;
  /** the county the table is of, when one county downloads her own; absent: the whole city */
  county?: string;
  lines: CountyReportLine[];
  /** 合计 of the accepted reports */
  total: ReturnType<typeof sumFigures>;
  /** 合计 of the 上年结转 lines the accepted reports carry (the previous year after its 附件7 was frozen) */
  carriedOverTotal: ReturnType<typeof sumFigures>;
  acceptedCount: number;
}

/** Every county of the city for `year` (one line each, in code order), optionally one county only. */
/** A county with its latest report of the year, first submission and accepted version (accepted_* set when accepted_id is). */
interface CountyReportRow {
  county_id: number;
  county_name: string;
  latest_id: number | null;
  status: ReportStatus | null;
  version: number | null;
  submitted_at: Date | null;
  is_late: boolean | null;
  accepted_id: number | null;
  accepted_version: number;
  figures: AnnualFigures;
  remarks: string | null;
  accepted_late: boolean;
  accepted_submitted_at: Date;
}

export async function countyReportLines(
  em: Query,
  year: number,
  countyId: number | null = null,
): Promise<CountyReportLine[]> {
  const rows: CountyReportRow[] = await em.query(
    `SELECT c.id AS county_id, c.name AS county_name,
            latest.id AS latest_id, latest.status::text AS status, latest.version,
            sub.submitted_at, sub.is_late,
            acc.id AS accepted_id, acc.version AS accepted_version, acc.figures, acc.remarks, acc.is_late AS accepted_late,
            acc.submitted_at AS accepted_submitted_at
       FROM organization c
       LEFT JOIN LATERAL (SELECT r.* FROM annual_report r WHERE r.county_id = c.id AND r.year = $1 AND r.voided_at IS NULL ORDER BY r.version DESC LIMIT 1) latest ON true
       LEFT JOIN LATERAL (SELECT r.submitted_at, r.is_late FROM annual_report r
                           WHERE r.county_id = c.id AND r.year = $1 AND r.status IN ('submitted', 'accepted') AND r.voided_at IS NULL
                           ORDER BY r.submitted_at LIMIT 1) sub ON true
       LEFT JOIN LATERAL (SELECT r.* FROM annual_report r WHERE r.county_id = c.id AND r.year = $1 AND r.status = 'accepted' AND r.voided_at IS NULL
                           ORDER BY r.version DESC LIMIT 1) acc ON true
      WHERE c.level = 'county' AND c.voided_at IS NULL AND ($2::int IS NULL OR c.id = $2)
      ORDER BY c.code`,
    [year, countyId],
  );
  return rows.map((r) => ({
    countyId: r.county_id,
    countyName: r.county_name,
    status: r.status,
    version: r.version,
    latestReportId: r.latest_id,
    submittedAt: r.submitted_at,
    isLate: r.is_late,
    accepted: r.accepted_id
      ? {
          reportId: r.accepted_id,
          version: r.accepted_version,
          figures: r.figures,
          remarks: r.remarks,
          isLate: r.accepted_late,
          submittedAt: r.accepted_submitted_at,
        }
      : null,
  }));
}

/** 结案统计表（汇总）: the accepted reports of every county (or of `countyId` only), and their total. */
export async function closureSummary(em: Query, year: number, countyId: number | null = null): Promise<ClosureSummary> {
  const lines = await countyReportLines(em, year, countyId);
  const accepted = lines.flatMap((l) => (l.accepted ? [l.accepted.figures] : []));
  const carried = accepted.flatMap((f) => (f.carriedOver ? [f.carriedOver] : []));
  const county = countyId === null ? undefined : lines[0]?.countyName;
  return {
    year,
    county,
    lines,
    total: sumFigures(accepted),
    carriedOverTotal: sumFigures(carried),
    acceptedCount: accepted.length,
  };
}
