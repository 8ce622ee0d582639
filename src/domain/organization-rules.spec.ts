import { problemCodes } from './errors.js';
import {
  childCodePrefix,
  validateOrganization,
  type OrganizationContext,
  type OrganizationInput,
} from './organization-rules.js';

const CITY = { code: '410400', level: 'city' } as const;
const COUNTY = { code: '410402', level: 'county' } as const;
const TOWNSHIP = { code: '410402001', level: 'township' } as const;

const cases: Record<string, [OrganizationInput, OrganizationContext]> = {
  city: [{ code: '410400', name: '平顶山市', level: 'city' }, { parent: null }],
  county: [
    { code: '410402', name: '新华区', level: 'county', parentId: 1, contactPhone: '0375-2666938' },
    { parent: CITY },
  ],
  township: [{ code: '410402001', name: '湛河街道', level: 'township', parentId: 2 }, { parent: COUNTY }],
  village: [{ code: '410402001001', name: '光明社区', level: 'village', parentId: 3 }, { parent: TOWNSHIP }],
};

/** One of the valid cases with `patch` applied, in its own context. */
const patched = (kind: keyof typeof cases, patch: OrganizationInput): [OrganizationInput, OrganizationContext] => [
  { ...cases[kind][0], ...patch },
  cases[kind][1],
];

describe('organization rules', () => {
  it('know what children repeat of their parent code', () => {
    expect([
      childCodePrefix('410400'),
      childCodePrefix('410000'),
      childCodePrefix('410402'),
      childCodePrefix('410402001'),
    ]).toEqual(['4104', '41', '410402', '410402001']);
  });

  it.each(Object.entries(cases))('accept a %s', (_, [input, ctx]) => {
    expect(validateOrganization(input, ctx)).toEqual({});
  });

  it.each<[string, OrganizationInput, OrganizationContext, string, string]>([
    ['no name', ...patched('county', { name: '' }), 'name', 'REQUIRED'],
    ['no level', ...patched('county', { level: null }), 'level', 'REQUIRED'],
    ['no code', ...patched('county', { code: '' }), 'code', 'REQUIRED'],
    ['a bad phone', ...patched('county', { contactPhone: '110' }), 'contactPhone', 'PHONE_INVALID'],
    ['a county without parent', cases.county[0], { parent: null }, 'parentId', 'REQUIRED'],
    ['a township under the city', cases.township[0], { parent: CITY }, 'parentId', 'PARENT_LEVEL'],
    ['a city with a parent', { ...cases.city[0], parentId: 9 }, { parent: CITY }, 'parentId', 'PARENT_NOT_ALLOWED'],
  ])('refuse %s', (_, input, ctx, field, code) => {
    expect(problemCodes(validateOrganization(input, ctx))).toEqual({ [field]: code });
  });

  // a code of the wrong length, shape or parent for its level
  it.each<[string, keyof typeof cases, string, string]>([
    ['a county of 9 digits', 'county', '410402001', 'ORG_CODE_LENGTH'],
    ['a township of 6 digits', 'township', '410402', 'ORG_CODE_LENGTH'],
    ['a village of 9 digits', 'village', '410402001', 'ORG_CODE_LENGTH'],
    ['letters in a code', 'county', '41040A', 'ORG_CODE_LENGTH'],
    ['a province code for a city', 'city', '410000', 'ORG_CODE_FORMAT'],
    ["the city's code for a county", 'county', '410400', 'ORG_CODE_FORMAT'],
    ['a township 000', 'township', '410402000', 'ORG_CODE_FORMAT'],
    ['a county of another city', 'county', '410102', 'ORG_CODE_PARENT'],
    ['a township of another county', 'township', '410403001', 'ORG_CODE_PARENT'],
    ['a village of another township', 'village', '410402002001', 'ORG_CODE_PARENT'],
  ])('refuse %s', (_, kind, code, problem) => {
    expect(problemCodes(validateOrganization(...patched(kind, { code })))).toEqual({ code: problem });
  });

  it('say which prefix the code needs', () => {
    expect(validateOrganization({ ...cases.county[0], code: '410102' }, cases.county[1]).code.message).toBe(
      '代码应以“4104”开头（上级单位代码为410400）',
    );
    expect(validateOrganization({ ...cases.township[0], code: '4104020011' }, cases.township[1]).code.message).toBe(
      '乡（镇、街道）的代码应为9位数字',
    );
  });
});
