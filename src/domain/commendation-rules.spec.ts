import { commendationProblems } from './commendation-rules.js';

describe('a commendation as its form saves it', () => {
  const today = '2026-12-02';
  it('takes a year of the program, up to this one', () => {
    for (const year of ['2014', '2025', 2026]) expect(commendationProblems({ year }, today)).toEqual({});
  });

  it('refuses a year before 2014, after this one, negative or not whole, and none at all, on the field', () => {
    for (const year of ['-1', '2013', '2027', '2025.5'])
      expect({ year, code: commendationProblems({ year }, today).year?.code }).toEqual({ year, code: 'YEAR_RANGE' });
    expect(commendationProblems({ year: '' }, today).year?.message).toBe('请填写表彰年度');
  });
});
