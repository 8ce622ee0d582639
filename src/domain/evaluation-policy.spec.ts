import { CREATION_STANDARDS } from './creation-standards.js';
import {
  adjustItem,
  EVALUATION_POLICY,
  evaluationResult,
  prefillItems,
  rankEvaluations,
  refreshItems,
  totalScore,
} from './evaluation-policy.js';

const allPassed = {
  scorecard: CREATION_STANDARDS.map((s) => ({ code: s.code, measure: s.target, passed: true })),
  infoReportsAdopted: 2,
  overdueRectifications: 0,
};

describe('evaluation (考评)', () => {
  it('has weights adding up to 100', () => {
    expect(Object.values(EVALUATION_POLICY.weights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('prefills full marks for standards met or with nothing to measure, partial marks otherwise', () => {
    const items = prefillItems({
      scorecard: [
        { code: 'closure_rate', measure: 45, passed: false },
        { code: 'overdue_cases', measure: 3, passed: false },
        { code: 'annual_statistics_on_time', measure: 0, passed: false },
      ],
      infoReportsAdopted: 9,
      overdueRectifications: 1,
    });
    const score = (code: string) => items.find((i) => i.code === code)!.score;
    expect(score('closure_rate')).toBe(5); // 10 × 45/90
    expect(score('overdue_cases')).toBe(2); // 5 − 3
    expect(score('annual_statistics_on_time')).toBe(0);
    expect(score('work_systems')).toBe(10); // not measured: 不扣分
    expect(score('info_adoption')).toBe(5); // capped
    expect(score('inspection_rectification')).toBe(-2);
    expect(totalScore(items)).toBe(100 - 5 - 3 - 10 + 5 - 2);
  });

  it('lets a one-vote veto fail a county whatever its score', () => {
    const total = totalScore(prefillItems(allPassed));
    expect(total).toBe(102);
    expect(evaluationResult(total, false)).toBe('excellent');
    expect(evaluationResult(total, true)).toBe('failed');
    expect(evaluationResult(75, false)).toBe('passed');
    expect(evaluationResult(59.9, false)).toBe('failed');
  });

  it('ranks by total, vetoed counties last, ties sharing a rank', () => {
    const ranks = rankEvaluations([
      { id: 1, total: 98, veto: true },
      { id: 2, total: 80, veto: false },
      { id: 3, total: 91, veto: false },
      { id: 4, total: 80, veto: false },
      { id: 5, total: 50, veto: false },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ 3: 1, 2: 2, 4: 2, 5: 4, 1: 5 });
  });

  it('adjusts a score within its range only with a reason, and keeps the adjustment on a refresh', () => {
    const items = prefillItems(allPassed);
    const by = { id: 1, email: 'city@example.org' };
    expect(() => adjustItem(items, { code: 'work_point', score: 8, reason: '' }, by, new Date())).toThrow(
      '调整得分须写明理由',
    );
    expect(() => adjustItem(items, { code: 'work_point', score: 11, reason: '现场检查' }, by, new Date())).toThrow(
      '0至10分',
    );
    const adjusted = adjustItem(
      items,
      { code: 'work_point', score: 8, reason: '现场检查制度未上墙' },
      by,
      new Date('2026-01-05T02:00:00Z'),
    );
    const item = adjusted.find((i) => i.code === 'work_point')!;
    expect(item.score).toBe(8);
    expect(item.adjustments).toEqual([
      { from: 10, reason: '现场检查制度未上墙', byId: 1, byEmail: 'city@example.org', at: '2026-01-05T02:00:00.000Z' },
    ]);
    const refreshed = refreshItems(adjusted, prefillItems(allPassed));
    expect(refreshed.find((i) => i.code === 'work_point')!.score).toBe(8);
    expect(totalScore(refreshed)).toBe(100);
  });
});
