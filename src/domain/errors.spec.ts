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
    const error = new DomainError('CASE_ARCHIVED', '案件已终结，不能再修改');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect([error.code, error.message]).toEqual(['CASE_ARCHIVED', '案件已终结，不能再修改']);
  });

  it('take the message, status and field of their code unless the rule names its own', () => {
    const agent = new DomainError('AGENT_INACTIVE', '代理员张三已离岗，请改派在岗的代理员');
    expect([agent.field, agent.status, agent.message]).toEqual([
      'agentId',
      400,
      '代理员张三已离岗，请改派在岗的代理员',
    ]);
    expect([new DomainError('FORBIDDEN').status, new DomainError('NOT_FOUND').status]).toEqual([403, 404]);
    expect(new DomainError('CASE_ARCHIVED').status).toBe(409);
    expect(new DomainError('REQUIRED', '请填写吊销原因', 'reason').field).toBe('reason');
    expect(new DomainError('NOT_FOUND').message).toBe('记录不存在或无权访问');
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
