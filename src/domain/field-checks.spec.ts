import { problemCodes, ProblemCollector } from './errors.js';
import {
  contactPhoneCheck,
  idNumberCheck,
  inRange,
  isBlank,
  isSet,
  maxLength,
  mobilePhoneCheck,
  notBefore,
  pastDateCheck,
  personNameCheck,
  readDate,
  readNumber,
  required,
} from './field-checks.js';

const TODAY = '2024-06-15';

describe('field checks', () => {
  it('read form values', () => {
    expect([isBlank(null), isBlank(undefined), isBlank(''), isBlank('  '), isBlank('x'), isBlank(0)]).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect([isSet(true), isSet('true'), isSet(false), isSet('false'), isSet(null)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect([readNumber(' 12 '), readNumber(3), readNumber(''), readNumber(null)]).toEqual([12, 3, null, null]);
    expect(readNumber('十二')).toBeNaN();
    expect([readDate(' 2024-02-29 '), readDate('2023-02-29'), readDate('')]).toEqual(['2024-02-29', null, null]);
  });

  it('check numbers by range and decimals', () => {
    expect([inRange(1, 1, 30), inRange(30, 1, 30), inRange(0, 1, 30), inRange(31, 1, 30)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([
      inRange(1.5, 1, 30),
      inRange(1.5, 1, 30, 1),
      inRange(0.25, 0, 1, 1),
      inRange(NaN, 0, 1),
      inRange(null, 0, 1),
    ]).toEqual([false, true, false, false, false]);
  });

  it('give coded problems', () => {
    const codes = problemCodes(
      new ProblemCollector()
        .add('a', required(' '))
        .add('b', maxLength('一二三', 2))
        .add('c', idNumberCheck('410402199302300029', TODAY))
        .add('d', idNumberCheck('410402198503120028', TODAY))
        .add('e', idNumberCheck('4104021985031200', TODAY))
        .add('f', mobilePhoneCheck('0375-2666938'))
        .add('g', contactPhoneCheck('12345'))
        .add('h', pastDateCheck('2024-06-31', TODAY))
        .add('i', pastDateCheck('2024-06-16', TODAY))
        .add('j', notBefore('2024-01-01', '2024-01-02', '不能早于受理日期'))
        .add('k', personNameCheck('张')).problems,
    );
    expect(codes).toEqual({
      a: 'REQUIRED',
      b: 'TOO_LONG',
      c: 'ID_NUMBER_BIRTH_DATE',
      d: 'ID_NUMBER_CHECKSUM',
      e: 'ID_NUMBER_FORMAT',
      f: 'PHONE_INVALID',
      g: 'PHONE_INVALID',
      h: 'DATE_INVALID',
      i: 'DATE_IN_FUTURE',
      j: 'DATE_ORDER',
      k: 'PERSON_NAME',
    });
  });

  it('pass good or blank values', () => {
    for (const found of [
      required('x'),
      maxLength('一二', 2),
      idNumberCheck('410402198503120029', TODAY),
      idNumberCheck('', TODAY),
      mobilePhoneCheck(null),
      contactPhoneCheck('2666938'),
      pastDateCheck(TODAY, TODAY),
      pastDateCheck(undefined, TODAY),
      notBefore('2024-01-02', '2024-01-02', ''),
      notBefore('2024-01-01', null, ''),
    ]) {
      expect(found).toBeNull();
    }
  });

  it('refuse an ID number whose birth date is after today', () => {
    // 410402 20240701 002 with its check character
    expect(idNumberCheck('410402202407010021', TODAY)?.code).toBe('ID_NUMBER_BIRTH_DATE');
  });

  it('accept Han, Latin and minority names', () => {
    for (const name of ['王芳', '欧阳秀英', '买买提·艾力', 'Mary Smith', '𠇔明'])
      expect(personNameCheck(name)).toBeNull();
    for (const name of ['王', '王芳1', '·王芳', '王··芳', 'a'.repeat(21), '张三（代）']) {
      expect(personNameCheck(name)?.code).toBe('PERSON_NAME');
    }
  });
});
