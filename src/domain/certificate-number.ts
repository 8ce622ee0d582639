// 代理员证编号: 平妇代证-<year of production>-<5-digit sequence in that year>, numbered by the city (制作).
export const CERTIFICATE_NUMBER_PREFIX = '平妇代证';
const PATTERN = /^平妇代证-(\d{4})-(\d{5})$/;

export function formatCertificateNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99_999)
    throw new Error(`certificate sequence out of range: ${sequence}`);
  return `${CERTIFICATE_NUMBER_PREFIX}-${year}-${String(sequence).padStart(5, '0')}`;
}

export function parseCertificateNumber(number: string): { year: number; sequence: number } | null {
  const m = PATTERN.exec(number);
  return m ? { year: Number(m[1]), sequence: Number(m[2]) } : null;
}

/** The next `count` numbers of `year`, after the highest sequence already used that year. */
export function nextCertificateNumbers(year: number, usedNumbers: readonly string[], count: number): string[] {
  let highest = 0;
  for (const n of usedNumbers) {
    const parsed = parseCertificateNumber(n);
    if (parsed?.year === year) highest = Math.max(highest, parsed.sequence);
  }
  return Array.from({ length: count }, (_, i) => formatCertificateNumber(year, highest + i + 1));
}
