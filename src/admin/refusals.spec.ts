import { ValidationError } from 'adminjs';
import type { Request, Response } from 'express';
import { DomainError, FieldErrors, problem } from '../domain/errors.js';
import { StaleVersion } from '../domain/record-version.js';
import { adminApiStatus } from './api-status.js';
import { asValidationError, refusalErrors, refuse, sendRefusal } from './refusals.js';

/** A response that keeps what was sent. */
function response() {
  const sent: { status: number; body: unknown } = { status: 200, body: undefined };
  const res = {
    statusCode: 200,
    status(code: number) {
      sent.status = code;
      this.statusCode = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  return { res: res as unknown as Response, sent };
}

describe('one translator of refusals', () => {
  it('puts a refusal on the field its code names, the record’s version on the record too', () => {
    expect(refusalErrors(new DomainError('AGENT_INACTIVE', '代理员张三已离岗'))).toEqual({
      agentId: { type: 'AGENT_INACTIVE', message: '代理员张三已离岗' },
    });
    expect(Object.keys(refusalErrors(new StaleVersion(3, 2)))).toEqual(['rowVersion', 'base']);
    expect(refusalErrors(new DomainError('CASE_ARCHIVED'))).toEqual({
      base: { type: 'CASE_ARCHIVED', message: expect.stringContaining('已立案归档') },
    });
    expect(refusalErrors(new FieldErrors({ phone: problem('PHONE_INVALID', '手机号码不对') }))).toEqual({
      phone: { type: 'PHONE_INVALID', message: '手机号码不对' },
    });
  });

  it('reads the database’s refusal as the program’s own, and leaves a fault alone', () => {
    const unique = { driverError: { code: '23505', constraint: 'uq_admin_user_email' } };
    const error = asValidationError(unique, 'admin_user') as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.propertyErrors.email).toEqual({ type: 'EXISTS', message: '该邮箱已被其他用户使用' });
    expect(error.baseError?.message).toBe('该邮箱已被其他用户使用');
    const fault = new Error('connection lost');
    expect(asValidationError(fault, 'admin_user')).toBe(fault);
  });

  it('answers from a router with the code’s status', () => {
    const forbidden = response();
    refuse(forbidden.res, 'FORBIDDEN', '无权导入代理员');
    expect(forbidden.sent).toEqual({ status: 403, body: { error: '无权导入代理员' } });
    const archived = response();
    expect(sendRefusal(archived.res, new DomainError('CASE_ARCHIVED'))).toBe(true);
    expect(archived.sent.status).toBe(409);
    const missing = response();
    expect(sendRefusal(missing.res, new DomainError('NOT_FOUND'))).toBe(true);
    expect(missing.sent).toEqual({ status: 404, body: { error: '记录不存在或无权访问' } });
    expect(sendRefusal(response().res, new Error('fault'))).toBe(false);
  });

  it('gives the admin API’s answer the status of a refusal coded FORBIDDEN or NOT_FOUND', () => {
    const statusOf = (type: string) => {
      const { res, sent } = response();
      adminApiStatus({} as Request, res, () => undefined);
      res.json({ record: { baseError: { type, message: 'x' } } });
      return sent.status;
    };
    expect([statusOf('NOT_FOUND'), statusOf('FORBIDDEN'), statusOf('ForbiddenError')]).toEqual([404, 403, 403]);
    expect([statusOf('CASE_ARCHIVED'), statusOf('VALIDATION')]).toEqual([200, 200]);
  });
});
