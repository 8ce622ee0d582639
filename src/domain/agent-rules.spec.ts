import { validateAgent, type AgentInput } from './agent-rules.js';
import { problemCodes } from './errors.js';

const ctx = { today: '2024-03-01' };

const VALID: AgentInput = {
  name: '张桂英',
  gender: 'female',
  idNumber: '410402198503120029',
  phone: '13903751234',
  appointedOn: '2024-02-29',
  townshipId: 3,
};

const check = (patch: AgentInput) => validateAgent({ ...VALID, ...patch }, ctx);

describe('agent rules', () => {
  it('accept a certified volunteer, woman or man', () => {
    expect(validateAgent(VALID, ctx)).toEqual({});
    expect(check({ name: '买买提·艾力', gender: 'male', idNumber: '410402197908050132', townshipId: '7' })).toEqual({});
    expect(check({ idNumber: '41040420000101005x', gender: undefined })).toEqual({});
  });

  it.each<[string, AgentInput, string, string]>([
    ['no name', { name: '' }, 'name', 'REQUIRED'],
    ['a one-character name', { name: '张' }, 'name', 'PERSON_NAME'],
    ['digits in the name', { name: '张桂英2' }, 'name', 'PERSON_NAME'],
    ['no ID number', { idNumber: null }, 'idNumber', 'REQUIRED'],
    ['a corrupted digit', { idNumber: '410402198503130029' }, 'idNumber', 'ID_NUMBER_CHECKSUM'],
    ['30 February', { idNumber: '410402198502300029' }, 'idNumber', 'ID_NUMBER_BIRTH_DATE'],
    ['17 characters', { idNumber: '41040219850312002' }, 'idNumber', 'ID_NUMBER_FORMAT'],
    ['no phone', { phone: '' }, 'phone', 'REQUIRED'],
    ['a 10-digit phone', { phone: '1390375123' }, 'phone', 'PHONE_INVALID'],
    ['no appointment date', { appointedOn: undefined }, 'appointedOn', 'REQUIRED'],
    ['an appointment tomorrow', { appointedOn: '2024-03-02' }, 'appointedOn', 'DATE_IN_FUTURE'],
    ['29 February 2023', { appointedOn: '2023-02-29' }, 'appointedOn', 'DATE_INVALID'],
    ['no township', { townshipId: null }, 'townshipId', 'REQUIRED'],
    ["a man's ID number for a woman", { idNumber: '410402197908050132' }, 'gender', 'GENDER_MISMATCH'],
    ["a woman's ID number for a man", { gender: 'male' }, 'gender', 'GENDER_MISMATCH'],
  ])('refuse %s', (_, patch, field, code) => {
    expect(problemCodes(check(patch))).toEqual({ [field]: code });
  });

  it('explain the mismatch of sex', () => {
    expect(check({ gender: 'male' }).gender.message).toBe('性别与身份证号码不符');
  });
});
