// Case numbers a clerk can read aloud: county abbreviation, year, 4-digit sequence (新华-2026-0007).
export function formatCaseNo(countyShortName: string, year: number, seq: number): string {
  return `${countyShortName}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The prefix shared by one county's cases of one year; the sequence follows it. */
export function caseNoPrefix(countyShortName: string, year: number): string {
  return `${countyShortName}-${year}-`;
}
