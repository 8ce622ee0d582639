import { validateAgent } from './agent-rules.js';
import cases from './agent-rules.cases.json' with { type: 'json' };
import { validatorCases } from './refusal-cases.fixture.js';

const { ctx, valid: VALID, check, refusals } = validatorCases(validateAgent, cases);

describe('agent rules', () => {
  it('accept a certified volunteer, woman or man', () => {
    expect(validateAgent(VALID, ctx)).toEqual({});
    expect(check({ name: '买买提·艾力', gender: 'male', idNumber: '410402197908050132', townshipId: '7' })).toEqual({});
    expect(check({ idNumber: '41040420000101005x', gender: undefined })).toEqual({});
  });

  refusals();

  it('explain the mismatch of sex', () => {
    expect(check({ gender: 'male' }).gender.message).toBe('性别与身份证号码不符');
  });
});
