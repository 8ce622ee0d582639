// Case numbers a clerk can read aloud: county abbreviation, year, 4-digit sequence (新华-2026-0007).
export function formatCaseNo(countyShortName: string, year: number, seq: number): string {
  return `${countyShortName}-${year}-${String(seq).padStart(4, '0')}`;
}

/** The prefix shared by one county's cases of one year; the sequence follows it. */
export function caseNoPrefix(countyShortName: string, year: number): string {
  return `${countyShortName}-${year}-`;
}

// Archive numbers (立案归档): per county and year of archiving, 新华档-2026-0003.
export function formatArchiveNo(countyShortName: string, year: number, seq: number): string {
  return `${archiveNoPrefix(countyShortName, year)}${String(seq).padStart(4, '0')}`;
}

export function archiveNoPrefix(countyShortName: string, year: number): string {
  return `${countyShortName}档-${year}-`;
}
