import { validatorCases } from './refusal-cases.fixture.js';
import cases from './training-rules.cases.json' with { type: 'json' };
import { validateTraining } from './training-rules.js';

const { ctx, valid: VALID, check, refusals } = validatorCases(validateTraining, cases);

describe('training rules', () => {
  it('accept a training held today, from half an hour to 100 hours', () => {
    expect(validateTraining(VALID, ctx)).toEqual({});
    expect(check({ hours: 0.5 })).toEqual({});
    expect(check({ hours: 100 })).toEqual({});
  });

  refusals();
});
