import {
  idNumberBirthDate,
  idNumberCheckChar,
  idNumberGender,
  idNumberMessage,
  idNumberProblem,
  normalizeIdNumber,
} from './id-number.js';

// Real numbers of the form GB 11643 prescribes, for 新华区 410402 and 叶县 410422; their check characters
// were computed independently of this module.
const WOMAN = '410402198503120029';
const MAN = '410402197908050132';
const LEAP_DAY = '410422199202290243';

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

describe('GB 11643 ID number, Pingdingshan examples', () => {
  it('accepts real numbers, including a leap-day birth and an X check character', () => {
    expect(idNumberCheckChar(WOMAN.slice(0, 17))).toBe('9');
    expect(idNumberCheckChar('41040420000101005')).toBe('X');
    for (const valid of [WOMAN, MAN, LEAP_DAY, '41040420000101005X', ` ${WOMAN} `]) {
      expect(idNumberProblem(valid)).toBeNull();
    }
    expect(idNumberBirthDate(LEAP_DAY)).toBe('1992-02-29');
  });

  it('refuses corrupted numbers', () => {
    expect(idNumberProblem(WOMAN.replace('1985', '1986'))).toBe('checksum');
    expect(idNumberProblem(WOMAN.slice(0, 17) + '8')).toBe('checksum');
    expect(idNumberProblem(WOMAN.slice(0, 17))).toBe('format');
    expect(idNumberProblem(WOMAN + '0')).toBe('format');
    expect(idNumberProblem('41040219850312002A')).toBe('format');
    expect(idNumberProblem('410402199302300029')).toBe('birth_date');
    expect(idNumberProblem('410422199302290243')).toBe('birth_date');
    expect(idNumberProblem('410402189912310029')).toBe('birth_date');
  });

  it('reads the sex from the 17th digit', () => {
    expect(idNumberGender(WOMAN)).toBe('female');
    expect(idNumberGender(MAN)).toBe('male');
  });

  it('upper-cases the X for storage', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('explains each problem in Chinese', () => {
    expect(idNumberMessage('format')).toBe('身份证号码应为18位，最后一位可为X');
    expect(idNumberMessage('birth_date')).toBe('身份证号码中的出生日期无效');
    expect(idNumberMessage('checksum')).toBe('身份证号码校验位错误，请核对');
  });
});
