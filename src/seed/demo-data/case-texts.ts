import { CASE_CATEGORIES, type CaseCategory, type CaseSource } from '../../domain/vocabulary.js';
import texts from './case-texts.json' with { type: 'json' };
import type { County } from './places.js';
import { assertListed } from './json-values.js';

// the stored value lists, written once in the domain
export type { CaseCategory, CaseSource } from '../../domain/vocabulary.js';

/** Marriage and domestic violence bring most women to the federation. */
export const CATEGORY_WEIGHTS: [CaseCategory, number][] = [
  ['marriage_family', 30],
  ['domestic_violence', 22],
  ['rural_land_property', 15],
  ['labour_social_security', 12],
  ['personal_rights', 8],
  ['child_custody_visitation', 8],
  ['other', 5],
];

export const SOURCE_WEIGHTS: [CaseSource, number][] = [
  ['visit', 45],
  ['phone', 20],
  ['online', 15],
  ['letter', 10],
  ['referred', 10],
];

/** The departments a petition is taken to; named for the county (and township) of the case. */
const DEPARTMENT_KINDS = [
  'court',
  'police',
  'civil_affairs',
  'justice_office',
  'township_government',
  'agriculture',
  'natural_resources',
  'human_resources',
  'medical_insurance',
  'housing',
  'health',
  'disabled_persons',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

interface CategoryTexts {
  subjects: string[];
  demands: string[];
  departments: DepartmentKind[];
  outcomes: string[];
}

const LOG_PLACES = ['department', 'township', 'joint_meeting'] as const;

export interface LogTemplate {
  action: string;
  results: string[];
  /** where it happens: the department the case was taken to, the township federation, or the joint meeting */
  at: (typeof LOG_PLACES)[number];
}

// The texts of the demo cases are data, in case-texts.json: per category what she petitions about, what she
// asks for, the departments the case is taken to and how it ends; why an agency is terminated or extended; the
// work logs of a case; the roads of addresses in a 街道. JSON types a department and a log's place as a plain
// string: each is checked against its union here, as the module loads, and then typed.
for (const category of CASE_CATEGORIES) {
  for (const department of texts.categoryTexts[category].departments)
    assertListed('case-texts.json', DEPARTMENT_KINDS, department);
}
for (const log of [...texts.logTemplates, texts.jointMeetingLog]) assertListed('case-texts.json', LOG_PLACES, log.at);

export const CATEGORY_TEXTS = texts.categoryTexts as Record<CaseCategory, CategoryTexts>;
export const TERMINATION_REASONS: string[] = texts.terminationReasons;
export const EXTENSION_REASONS: string[] = texts.extensionReasons;
export const LOG_TEMPLATES = texts.logTemplates as LogTemplate[];
export const JOINT_MEETING_LOG = texts.jointMeetingLog as LogTemplate;
export const ROADS: string[] = texts.roads;

/** Said when the federation could not give her what she asked for; the case is still concluded. */
export const EXPLAINED_OUTCOME = '诉求不符合政策规定，已向信访人做好解释疏导工作，信访人表示理解';

const DISTRICTS = new Set(['新华区', '卫东区', '石龙区', '湛河区']);

/** The department's name as it appears in the county: districts have city police sub-bureaus. */
export function departmentName(kind: DepartmentKind, county: County, townshipName: string): string {
  switch (kind) {
    case 'court':
      return `${county.name}人民法院`;
    case 'police':
      return DISTRICTS.has(county.name) ? `平顶山市公安局${county.shortName}分局` : `${county.name}公安局`;
    case 'civil_affairs':
      return `${county.name}民政局`;
    case 'justice_office':
      return `${townshipName}司法所`;
    case 'township_government':
      return townshipName.endsWith('街道') ? `${townshipName}办事处` : `${townshipName}人民政府`;
    case 'agriculture':
      return `${county.name}农业农村局`;
    case 'natural_resources':
      return `${county.name}自然资源局`;
    case 'human_resources':
      return `${county.name}人社局`;
    case 'medical_insurance':
      return `${county.name}医疗保障局`;
    case 'housing':
      return `${county.name}住房和城乡建设局`;
    case 'health':
      return `${county.name}卫生健康委员会`;
    case 'disabled_persons':
      return `${county.name}残疾人联合会`;
  }
}
