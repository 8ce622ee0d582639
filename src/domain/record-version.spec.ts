import {
  assertCurrent,
  assertVersion,
  readVersion,
  StaleVersion,
  VoidedRecord,
  voidReasonProblem,
} from './record-version.js';

describe('record versions', () => {
  // a posted version: absent, a positive integer, or not a version at all
  it.each([
    [undefined, null],
    [null, null],
    ['', null],
    ['3', 3],
    [7, 7],
  ])('reads a posted %j as version %j', (posted, version) => {
    expect(readVersion(posted)).toBe(version);
  });
  it.each(['abc', '0', '-1', '1.5', '9999999999', '1e3'])('reads a posted %j as no version at all', (bad) => {
    expect(readVersion(bad)).toBeNaN();
  });

  it('refuses a save based on an older (or forged) version, naming both', () => {
    expect(() => assertVersion(2, '2')).not.toThrow();
    expect(() => assertVersion(2, undefined)).not.toThrow();
    const e = (() => {
      try {
        assertVersion(3, '2');
      } catch (error) {
        return error;
      }
    })() as StaleVersion;
    expect(e).toBeInstanceOf(StaleVersion);
    expect([e.current, e.submitted, e.code]).toEqual([3, 2, 'STALE_VERSION']);
    expect(e.message).toMatch(/第2版.*第3版/);
    expect(() => assertVersion(3, 'abc')).toThrow('版本号无效');
  });

  it('refuses any step on a voided record', () => {
    expect(() => assertCurrent({ rowVersion: 1, voidedAt: new Date() }, '1')).toThrow(VoidedRecord);
    expect(() => assertCurrent({ rowVersion: 1, voidedAt: null }, '1')).not.toThrow();
  });

  it('requires a reason to void, of a sensible length', () => {
    expect(voidReasonProblem('  ')?.message).toBe('请填写作废原因');
    expect(voidReasonProblem(undefined)?.code).toBe('VOID_REASON_REQUIRED');
    expect(voidReasonProblem('长'.repeat(501))?.code).toBe('VOID_REASON_TOO_LONG');
    expect(voidReasonProblem('重复登记')).toBeNull();
  });
});
