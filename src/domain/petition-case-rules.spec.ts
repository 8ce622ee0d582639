import { problemCodes } from './errors.js';
import { repeatOfProblems, validatePetitionCase, type PetitionCaseInput } from './petition-case-rules.js';

const ctx = { today: '2024-03-15' };

// a case carried through to a review answered today, over the leap day of 2024
const FULL: PetitionCaseInput = {
  petitionerName: '李秀兰',
  petitionerIdNumber: '410402198503120029',
  petitionerPhone: '13803751234',
  subject: '离婚后宅基地分割纠纷',
  isGroup: false,
  acceptedOn: '2024-01-31',
  acceptanceNotifiedOn: '2024-02-05',
  agreementSignedOn: '2024-02-01',
  notifiedOn: '2024-02-01',
  representingSince: '2024-02-01',
  extensionDays: 30,
  extensionApprovedBy: '王主任',
  extensionReason: '需调取土地确权档案',
  extensionNotifiedOn: '2024-02-20',
  concludedOn: '2024-02-29',
  replyIssuedOn: '2024-03-04',
  reviewRequestedOn: '2024-03-10',
  reviewAnsweredOn: '2024-03-15',
  archivedOn: '2024-03-15',
};

const MINIMAL: PetitionCaseInput = { petitionerName: '李秀兰', subject: '家庭暴力求助', acceptedOn: '2024-03-15' };

const check = (patch: PetitionCaseInput) => validatePetitionCase({ ...FULL, ...patch }, ctx);

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

  it.each<[string, PetitionCaseInput, string, string]>([
    ['no petitioner', { petitionerName: ' ' }, 'petitionerName', 'REQUIRED'],
    ['a name longer than the column', { petitionerName: '李'.repeat(51) }, 'petitionerName', 'TOO_LONG'],
    [
      'an ID number one digit off',
      { petitionerIdNumber: '410402198603120029' },
      'petitionerIdNumber',
      'ID_NUMBER_CHECKSUM',
    ],
    [
      'a wrong check character',
      { petitionerIdNumber: '410402198503120028' },
      'petitionerIdNumber',
      'ID_NUMBER_CHECKSUM',
    ],
    [
      'a birth on 30 February',
      { petitionerIdNumber: '410402198502300029' },
      'petitionerIdNumber',
      'ID_NUMBER_BIRTH_DATE',
    ],
    ['17 characters', { petitionerIdNumber: '41040219850312002' }, 'petitionerIdNumber', 'ID_NUMBER_FORMAT'],
    ['a phone number of 5 digits', { petitionerPhone: '12345' }, 'petitionerPhone', 'PHONE_INVALID'],
    ['no subject', { subject: '' }, 'subject', 'REQUIRED'],
    ['no acceptance date', { acceptedOn: null }, 'acceptedOn', 'REQUIRED'],
    ['an impossible acceptance date', { acceptedOn: '2023-02-29' }, 'acceptedOn', 'DATE_INVALID'],
    ['acceptance tomorrow', { acceptedOn: '2024-03-16' }, 'acceptedOn', 'DATE_IN_FUTURE'],
    ['a date in the future', { terminatedOn: '2024-03-16' }, 'terminatedOn', 'DATE_IN_FUTURE'],
    ['a notice before acceptance', { acceptanceNotifiedOn: '2024-01-30' }, 'acceptanceNotifiedOn', 'DATE_ORDER'],
    ['conclusion before acceptance', { concludedOn: '2024-01-30' }, 'concludedOn', 'DATE_ORDER'],
    ['the reply before the conclusion', { replyIssuedOn: '2024-02-28' }, 'replyIssuedOn', 'DATE_ORDER'],
    ['the request before the reply', { reviewRequestedOn: '2024-03-03' }, 'reviewRequestedOn', 'DATE_ORDER'],
    ['the answer before the request', { reviewAnsweredOn: '2024-03-09' }, 'reviewAnsweredOn', 'DATE_ORDER'],
    [
      'the request before the conclusion, no reply',
      { replyIssuedOn: null, reviewRequestedOn: '2024-02-28' },
      'reviewRequestedOn',
      'DATE_ORDER',
    ],
    ['archiving before the conclusion', { archivedOn: '2024-02-28' }, 'archivedOn', 'DATE_ORDER'],
    ['a group without its size', { isGroup: true, groupSize: null }, 'groupSize', 'REQUIRED'],
    ['a group of one', { isGroup: true, groupSize: 1 }, 'groupSize', 'GROUP_SIZE_INVALID'],
    ['a group of 2.5', { isGroup: true, groupSize: '2.5' }, 'groupSize', 'GROUP_SIZE_INVALID'],
    ['a size for a single petitioner', { isGroup: 'false', groupSize: 3 }, 'groupSize', 'GROUP_SIZE_NOT_GROUP'],
    ['an extension of 31 days', { extensionDays: 31 }, 'extensionDays', 'EXTENSION_DAYS_RANGE'],
    ['an extension of 0 days', { extensionDays: '0' }, 'extensionDays', 'EXTENSION_DAYS_RANGE'],
    ['an extension without approval', { extensionApprovedBy: '' }, 'extensionApprovedBy', 'REQUIRED'],
    ['an extension without reason', { extensionReason: null }, 'extensionReason', 'REQUIRED'],
    ['an approval without days', { extensionDays: null }, 'extensionDays', 'REQUIRED'],
  ])('refuse %s', (_, patch, field, code) => {
    expect(problemCodes(check(patch))).toEqual({ [field]: code });
  });

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
