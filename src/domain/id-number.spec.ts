import { idNumberBirthDate, idNumberCheckChar, idNumberProblem } from './id-number.js';

describe('GB 11643 ID number', () => {
  // 11010519491231002X is the standard's own worked example
  it('accepts the standard example and computes its check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
  });
  it('refuses a corrupted digit, a wrong length and an impossible birth date', () => {
    expect(idNumberProblem('11010519491231003X')).toBe('checksum');
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('11010519490230002X')).toBe('birth_date');
  });
});
