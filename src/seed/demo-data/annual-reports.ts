import { isLateSubmission } from '../../domain/annual-report-rules.js';
import { handlingDueOn } from '../../domain/case-deadlines.js';
import { caseStatistics, type StatisticsCase } from '../../domain/case-statistics.js';
import { limitEnd } from '../../domain/case-policy.js';
import { carryOverPeriod, type FrozenVersion } from '../../domain/year-end-carry-over.js';
import { statisticsCaseOf } from '../../services/case-statistics-query.js';
import { LEGAL_SCHEDULE } from '../../services/legal-schedule.js';
import type { AdminUserRow } from './users.js';
import type { PetitionCaseRow } from './cases.js';
import type { CaseRatingRow } from './ratings.js';
import type { County } from './places.js';

// 附件7 of the past years (the demo's today is 2026-11-20, so 2026 is still to be submitted): every county
// submitted and the city accepted, most before 20 December; a few late, and one returned once and
// resubmitted, so that the scorecard's 年终统计按时上报 has something to judge.
const YEARS = [2022, 2023, 2024, 2025];
const LATE: Record<string, number[]> = { 叶县: [2023], 鲁山县: [2024, 2025] };
const RETURNED: Record<string, number> = { 宝丰县: 2024 };
const RETURN_REASON = '“来电（含12338妇女维权热线）”来源的案件数与热线转办台账不一致，请核对案件来源后重新上报。';

export interface AnnualReportRow {
  id: number;
  county_id: number;
  year: number;
  version: number;
  status: 'returned' | 'accepted';
  figures: object;
  remarks: string | null;
  submitted_at: string;
  submitted_by: number;
  is_late: boolean;
  reviewed_at: string;
  reviewed_by: number;
  return_reason: string | null;
  created_at: string;
  updated_at: string;
}

const statisticsCase = (
  r: PetitionCaseRow,
  repeats: ReadonlySet<number>,
  ratings: Map<number, CaseRatingRow['rating']>,
): StatisticsCase => ({
  ...statisticsCaseOf(r, {
    handlingDueOn: handlingDueOn({ acceptedOn: r.accepted_on, extensionDays: r.extension_days }, LEGAL_SCHEDULE),
    replyDueOn: r.concluded_on && limitEnd(r.concluded_on, 'replyDays', LEGAL_SCHEDULE),
  }),
  rating: ratings.get(r.id) ?? null,
  isRepeat: repeats.has(r.id),
});

const at = (day: string, hour: number) => `${day} ${String(hour).padStart(2, '0')}:00:00+08`;

export function buildAnnualReports(
  counties: County[],
  users: AdminUserRow[],
  cases: PetitionCaseRow[],
  ratingRows: readonly CaseRatingRow[],
  /** the cases that are 重复信访, as the database's is_repeat_petition finds them */
  repeats: ReadonlySet<number>,
): AnnualReportRow[] {
  const ratings = new Map(ratingRows.map((r) => [r.case_id, r.rating]));
  const city = users.find((u) => u.role === 'city_admin')!.id;
  const rows: AnnualReportRow[] = [];
  counties.forEach((county, index) => {
    const staff = users.find((u) => u.county_id === county.id)!.id;
    const own = cases.filter((c) => c.county_id === county.id).map((c) => statisticsCase(c, repeats, ratings));
    // 上年结转: each year's table carries the previous year after that year's table was frozen
    let previous: FrozenVersion[] = [];
    for (const year of YEARS) {
      const carried = carryOverPeriod(year - 1, previous);
      previous = [];
      const late = LATE[county.name]?.includes(year);
      const returned = RETURNED[county.name] === year;
      const day = late ? 22 + ((index + year) % 6) : 8 + ((index * 3 + year) % 9);
      const versions = returned ? [day - 4, day] : [day];
      versions.forEach((d, i) => {
        const submittedOn = `${year}-12-${String(d).padStart(2, '0')}`;
        const submittedAt = at(submittedOn, 10);
        const reviewedAt = at(`${year}-12-${String(Math.min(d + 2, 31)).padStart(2, '0')}`, 15);
        const last = i === versions.length - 1;
        previous.push({
          status: last ? 'accepted' : 'returned',
          version: i + 1,
          voided: false,
          asOf: submittedOn,
          frozenAt: submittedAt,
        });
        rows.push({
          id: rows.length + 1,
          county_id: county.id,
          year,
          version: i + 1,
          status: last ? 'accepted' : 'returned',
          figures: {
            ...caseStatistics(own, { from: `${year}-01-01`, to: `${year}-12-31` }, submittedOn),
            carriedOver: carried && caseStatistics(own, carried, submittedOn),
          },
          remarks: late ? '因年底集中排查化解，统计表未能按期报送。' : null,
          submitted_at: submittedAt,
          submitted_by: staff,
          is_late: isLateSubmission(year, new Date(submittedAt.replace(' ', 'T').replace('+08', '+08:00'))),
          reviewed_at: reviewedAt,
          reviewed_by: city,
          return_reason: last ? null : RETURN_REASON,
          created_at: submittedAt,
          updated_at: reviewedAt,
        });
      });
    }
  });
  return rows;
}
