import cases from './petition-case-rules.cases.json' with { type: 'json' };
import { problemCodes } from './errors.js';
import { repeatOfProblems, validatePetitionCase, type PetitionCaseInput } from './petition-case-rules.js';
import { validatorCases } from './refusal-cases.fixture.js';

// FULL: a case carried through to a review answered today, over the leap day of 2024
const { ctx, valid: FULL, check, refusals } = validatorCases(validatePetitionCase, cases);

const MINIMAL: PetitionCaseInput = { petitionerName: '李秀兰', subject: '家庭暴力求助', acceptedOn: '2024-03-15' };

describe('petition case rules', () => {
  it('accept a complete case, a minimal one and one of a group', () => {
    expect(validatePetitionCase(FULL, ctx)).toEqual({});
    expect(validatePetitionCase(MINIMAL, ctx)).toEqual({});
    expect(
      check({ isGroup: 'true', groupSize: '12', extensionDays: '15', petitionerIdNumber: '11010519491231002x' }),
    ).toEqual({});
    expect(
      check({
        petitionerIdNumber: '',
        petitionerPhone: ' ',
        extensionDays: null,
        extensionApprovedBy: null,
        extensionReason: '',
      }),
    ).toEqual({});
  });

  refusals();

  it('say in Chinese what is wrong', () => {
    expect(
      check({
        concludedOn: '2024-01-30',
        replyIssuedOn: null,
        reviewRequestedOn: null,
        reviewAnsweredOn: null,
        archivedOn: null,
      }),
    ).toEqual({ concludedOn: { code: 'DATE_ORDER', message: '终结日期不能早于受理日期' } });
    expect(check({ terminatedOn: '2024-03-16' }).terminatedOn.message).toBe('日期不能晚于今天');
    expect(check({ replyIssuedOn: '2024-02-28' }).replyIssuedOn.message).toBe('答复意见书出具日期不能早于终结日期');
  });

  it('report every wrong field at once', () => {
    const problems = validatePetitionCase({ acceptedOn: '2024-04-01', petitionerPhone: '123' }, ctx);
    expect(problemCodes(problems)).toEqual({
      petitionerName: 'REQUIRED',
      petitionerPhone: 'PHONE_INVALID',
      subject: 'REQUIRED',
      acceptedOn: 'DATE_IN_FUTURE',
    });
  });
});

describe('the petitioner’s phone', () => {
  it('takes a mobile or a landline with its area code, and says which when neither', () => {
    const ctx = { today: '2024-03-15' };
    for (const phone of ['13803751234', '0375-2666938', '03752666938'])
      expect({
        phone,
        problems: validatePetitionCase({ acceptedOn: '2024-03-01', petitionerPhone: phone }, ctx).petitionerPhone,
      }).toEqual({ phone, problems: undefined });
    expect(
      validatePetitionCase({ acceptedOn: '2024-03-01', petitionerPhone: '1380375' }, ctx).petitionerPhone?.message,
    ).toBe('电话应为11位手机号码或固定电话（如 0375-2666938）');
  });
});

describe('repeatOfProblems (重复信访 marked by hand)', () => {
  const earlier = { id: 7, caseNo: '新华-2026-0007', acceptedOn: '2026-03-01' };
  it('takes an earlier case received on or before this one', () => {
    expect(repeatOfProblems(earlier, { id: 9, acceptedOn: '2026-03-01' })).toEqual({});
    expect(repeatOfProblems(earlier, { id: null, acceptedOn: '2026-05-01' })).toEqual({});
  });
  it('refuses the case itself, a later case and a missing one, on the field', () => {
    expect(problemCodes(repeatOfProblems(earlier, { id: 7, acceptedOn: '2026-03-01' }))).toEqual({
      repeatOfId: 'REPEAT_OF_SELF',
    });
    const later = repeatOfProblems(earlier, { id: 9, acceptedOn: '2026-02-28' });
    expect(later.repeatOfId.message).toContain('新华-2026-0007 受理于 2026-03-01');
    expect(problemCodes(repeatOfProblems(null, { id: 9, acceptedOn: '2026-02-28' }))).toEqual({
      repeatOfId: 'REPEAT_OF_MISSING',
    });
  });
});
