// 创建标准 三: every township has 1–2 certified agents. Townships are grouped by how many they have today.
export type CoverageBand = 'none' | 'one' | 'two_or_more';

export const COVERAGE_BAND_LABELS: Record<CoverageBand, string> = {
  none: '无持证代理员',
  one: '1名持证代理员',
  two_or_more: '2名及以上持证代理员',
};

export function coverageBand(certifiedAgents: number): CoverageBand {
  if (certifiedAgents <= 0) return 'none';
  return certifiedAgents === 1 ? 'one' : 'two_or_more';
}

export interface TownshipCount {
  countyId: number;
  countyName: string;
  townshipId: number;
  townshipName: string;
  certifiedAgents: number;
  activeAgents: number;
}

export interface CountyCoverage {
  countyId: number;
  countyName: string;
  townships: number;
  counts: Record<CoverageBand, number>;
  /** the townships below the standard, by name */
  uncovered: { townshipId: number; townshipName: string; activeAgents: number }[];
}

/** Per county (in the order first met), its townships counted by band, and those with no certified agent. */
export function summariseCoverage(rows: readonly TownshipCount[]): CountyCoverage[] {
  const byCounty = new Map<number, CountyCoverage>();
  for (const row of rows) {
    let county = byCounty.get(row.countyId);
    if (!county) {
      county = {
        countyId: row.countyId,
        countyName: row.countyName,
        townships: 0,
        counts: { none: 0, one: 0, two_or_more: 0 },
        uncovered: [],
      };
      byCounty.set(row.countyId, county);
    }
    const band = coverageBand(row.certifiedAgents);
    county.townships += 1;
    county.counts[band] += 1;
    if (band === 'none')
      county.uncovered.push({
        townshipId: row.townshipId,
        townshipName: row.townshipName,
        activeAgents: row.activeAgents,
      });
  }
  return [...byCounty.values()];
}
