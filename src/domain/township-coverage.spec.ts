import { coverageBand, summariseCoverage } from './township-coverage.js';

describe('township coverage (每个乡镇1至2名持证代理员)', () => {
  it('bands townships by certified agents and names the uncovered ones per county', () => {
    expect([0, 1, 2, 5].map(coverageBand)).toEqual(['none', 'one', 'two_or_more', 'two_or_more']);
    const row = (countyId: number, townshipId: number, certifiedAgents: number, activeAgents = certifiedAgents) => ({
      countyId,
      countyName: `县${countyId}`,
      townshipId,
      townshipName: `乡${townshipId}`,
      certifiedAgents,
      activeAgents,
    });
    const summary = summariseCoverage([row(1, 11, 0, 1), row(1, 12, 1), row(1, 13, 3), row(2, 21, 0), row(2, 22, 2)]);
    expect(summary).toEqual([
      {
        countyId: 1,
        countyName: '县1',
        townships: 3,
        counts: { none: 1, one: 1, two_or_more: 1 },
        uncovered: [{ townshipId: 11, townshipName: '乡11', activeAgents: 1 }],
      },
      {
        countyId: 2,
        countyName: '县2',
        townships: 2,
        counts: { none: 1, one: 0, two_or_more: 1 },
        uncovered: [{ townshipId: 21, townshipName: '乡21', activeAgents: 0 }],
      },
    ]);
  });
});
