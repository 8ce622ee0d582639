import {
  DomainError,
  FieldErrors,
  ProblemCollector,
  fieldErrorsOf,
  problem,
  problemCodes,
  throwIfAny,
} from './errors.js';

describe('domain errors', () => {
  it('carry a stable code and a Chinese message', () => {
    const error = new DomainError('CASE_CLOSED', '案件已终结，不能再修改');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect([error.code, error.message]).toEqual(['CASE_CLOSED', '案件已终结，不能再修改']);
  });

  it('collect the first problem of each field', () => {
    const problems = new ProblemCollector()
      .add('phone', problem('PHONE_INVALID', 'a'))
      .add('phone', problem('REQUIRED', 'b'))
      .add('name', null)
      .add('acceptedOn', problem('DATE_IN_FUTURE', 'c')).problems;
    expect(problemCodes(problems)).toEqual({ phone: 'PHONE_INVALID', acceptedOn: 'DATE_IN_FUTURE' });
  });

  it('throw once, with every field, only when there is a problem', () => {
    expect(fieldErrorsOf({})).toBeNull();
    expect(() => throwIfAny({})).not.toThrow();
    const problems = { phone: problem('PHONE_INVALID', '手机号码应为以1开头的11位数字') };
    let thrown: unknown;
    try {
      throwIfAny(problems);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FieldErrors);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'VALIDATION', message: '请更正标出的字段', errors: problems });
  });
});
