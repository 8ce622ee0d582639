import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CUSTOM_ACTIONS, ENUM_LABELS, NAVIGATION, RESOURCE_LABELS, zhCN } from './zh-CN.js';

const RAW_IDENTIFIERS = ['resourceId', 'actionName'];

const ROOT = process.cwd();
const ADMINJS_LIB = path.join(ROOT, 'node_modules/adminjs/lib');
// the migrations that create tables and enum types of entities
const MIGRATIONS = ['1764000000000_initial-schema.ts', '1764000300000_notices-supervision.ts'].map((f) =>
  path.join(ROOT, 'migrations', f),
);

type Tree = { [key: string]: unknown };

const readJson = (file: string): Tree => JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
const isObject = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

function flatten(tree: Tree, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (isObject(value) && Object.keys(value).length) flatten(value, full, out);
    else out[full] = value;
  }
  return out;
}

function deepMerge(target: Tree, source: Tree): Tree {
  const result: Tree = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = result[key];
    result[key] = isObject(existing) && isObject(value) ? deepMerge(existing, value) : value;
  }
  return result;
}

const en = readJson(path.join(ADMINJS_LIB, 'locale/en/translation.json'));
const bundledZh = readJson(path.join(ADMINJS_LIB, 'locale/zh-CN/translation.json'));
const ours = zhCN as Tree;
const merged = deepMerge(bundledZh, ours);
const resources = ours.resources as Record<
  string,
  { properties: Record<string, string>; labels: Record<string, Record<string, string>> }
>;

const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (snake: string): string => camel(snake).replace(/^[a-z]/, (c) => c.toUpperCase());

const migration = MIGRATIONS.map((f) => fs.readFileSync(f, 'utf8')).join('\n');

/** CREATE TYPE name AS ENUM ('a', 'b') → { name: ['a', 'b'] } */
function enumTypes(): Record<string, string[]> {
  const types: Record<string, string[]> = {};
  for (const m of migration.matchAll(/CREATE TYPE\s+(\w+)\s+AS ENUM\s*\(([^)]*)\)/g)) {
    types[m[1]] = [...m[2].matchAll(/'([^']*)'/g)].map((v) => v[1]);
  }
  return types;
}

/** CREATE TABLE name ( … ); → { name: [column, …] }, constraints left out. */
function tables(): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const m of migration.matchAll(/CREATE TABLE\s+(\w+)\s*\(([\s\S]*?)\n\);/g)) {
    result[m[1]] = m[2]
      .split('\n')
      .map((line) => line.trim())
      // column definitions start with a lower-case name; constraints, their continuation lines
      // (AND …, ( …, OR …) and comments do not
      .filter((line) => /^[a-z][a-z0-9_]*\s/.test(line))
      .map((line) => line.split(/\s+/)[0]);
  }
  return result;
}

/** Where each enum type of the schema is used: type → [resource id, property path]. */
const ENUM_USAGE: Record<string, [string, string]> = {
  org_level: ['Organization', 'level'],
  user_role: ['AdminUser', 'role'],
  work_system_kind: ['WorkSystem', 'kind'],
  gender: ['Agent', 'gender'],
  agent_status: ['Agent', 'status'],
  certificate_status: ['Certificate', 'status'],
  review_result: ['CertificateReview', 'result'],
  case_state: ['PetitionCase', 'state'],
  case_category: ['PetitionCase', 'category'],
  case_source: ['PetitionCase', 'source'],
  case_document_kind: ['CaseDocument', 'kind'],
  report_status: ['AnnualReport', 'status'],
  evaluation_result: ['Evaluation', 'result'],
  commendation_kind: ['Commendation', 'kind'],
  commendation_status: ['Commendation', 'status'],
  notice_status: ['Notice', 'status'],
  info_report_kind: ['InfoReport', 'kind'],
  inspection_standard: ['InspectionFinding', 'standard'],
  standard_result: ['Inspection', 'overallResult'],
  rectification_status: ['Rectification', 'status'],
};

const RESOURCE_IDS = [
  'Organization',
  'WorkPoint',
  'WorkSystem',
  'Agent',
  'Certificate',
  'CertificateReview',
  'Training',
  'TrainingAttendance',
  'PetitionCase',
  'CaseDocument',
  'CaseLog',
  'AnalysisReport',
  'AnnualReport',
  'Evaluation',
  'Commendation',
  'AdminUser',
  'AuditLog',
  'Notice',
  'NoticeRecipient',
  'InfoReport',
  'Inspection',
  'InspectionFinding',
  'Rectification',
];

describe('zh-CN AdminJS translations', () => {
  it('covers every key of the bundled English translation (no English fallback)', () => {
    const enKeys = Object.keys(flatten(en)).filter((k) => k !== 'resources');
    const mergedFlat = flatten(merged);
    const oursFlat = flatten(ours);
    const missing = enKeys.filter((k) => typeof mergedFlat[k] !== 'string' || mergedFlat[k] === '');
    expect(missing).toEqual([]);
    // ours alone is complete too, so it does not depend on 'zh-CN' being an available language
    expect(enKeys.filter((k) => typeof oursFlat[k] !== 'string')).toEqual([]);
    const enFlat = flatten(en);
    expect(enKeys.filter((k) => mergedFlat[k] === enFlat[k])).toEqual([]);
  });

  it('keeps the interpolation placeholders of the English strings', () => {
    const enFlat = flatten(en);
    const mergedFlat = flatten(merged);
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(enFlat)) {
      if (typeof value !== 'string') continue;
      // resourceId and actionName are raw identifiers (PetitionCase, show): a Chinese message may leave them out
      const needed = placeholders(value).filter((p) => !RAW_IDENTIFIERS.includes(p));
      expect([key, placeholders(mergedFlat[key]).filter((p) => !RAW_IDENTIFIERS.includes(p))]).toEqual([key, needed]);
    }
  });

  it('labels every value of every enum type of the migration under its property', () => {
    const types = enumTypes();
    expect(Object.keys(types).length).toBeGreaterThan(0);
    expect(Object.keys(types).sort()).toEqual(Object.keys(ENUM_USAGE).sort());
    for (const [type, values] of Object.entries(types)) {
      const [resource, property] = ENUM_USAGE[type];
      for (const value of values) {
        const label = resources[resource]?.labels?.[property]?.[value];
        expect([type, value, typeof label === 'string' && label.length > 0]).toEqual([type, value, true]);
      }
      expect(typeof resources[resource].properties[property]).toBe('string');
      expect(Object.keys((ENUM_LABELS as Record<string, Record<string, string>>)[type]).sort()).toEqual(
        [...values].sort(),
      );
    }
  });

  it('gives a Chinese label to every column of every table', () => {
    const all = tables();
    delete all.user_session; // express-session store, not an entity
    expect(Object.keys(all).map(pascal).sort()).toEqual([...RESOURCE_IDS].sort());
    const missing: string[] = [];
    for (const [table, columns] of Object.entries(all)) {
      const props = resources[pascal(table)]?.properties ?? {};
      for (const column of columns) {
        const label = props[camel(column)];
        if (typeof label !== 'string' || !/[\u4e00-\u9fff]|^ID$/.test(label)) missing.push(`${table}.${column}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('labels every column property of the entities (the paths AdminJS shows)', async () => {
    const { getMetadataArgsStorage } = await import('typeorm');
    const entities = (await import('../../entities/index.js')) as Record<string, unknown>;
    const classes = Object.values(entities).filter(
      (v): v is abstract new (...args: never[]) => unknown => typeof v === 'function',
    );
    const storage = getMetadataArgsStorage();
    const missing: string[] = [];
    const seen: string[] = [];
    for (const table of storage.tables) {
      const target = table.target as abstract new (...args: never[]) => unknown;
      if (!classes.includes(target)) continue;
      seen.push(target.name);
      const props = resources[target.name]?.properties ?? {};
      for (const column of storage.columns.filter((c) => c.target === target)) {
        if (typeof props[column.propertyName] !== 'string') missing.push(`${target.name}.${column.propertyName}`);
      }
    }
    expect(seen.sort()).toEqual([...RESOURCE_IDS].sort());
    expect(missing).toEqual([]);
  });

  it('labels the virtual properties', () => {
    expect(resources.PetitionCase.properties.nextDeadline).toBe('下一期限');
    expect(resources.PetitionCase.properties.daysLeft).toBe('剩余天数');
    expect(resources.PetitionCase.properties.deadlineNote).toBe('期限说明');
    expect(resources.AdminUser.properties.password).toBe('密码');
    expect(resources.Certificate.properties.validUntil).toBe('有效期至');
    expect(resources.Certificate.properties.validity).toBe('当前效力');
  });

  it('names every resource, navigation group and custom action, and has the application messages', () => {
    const labels = ours.labels as Record<string, string>;
    for (const id of RESOURCE_IDS) expect(labels[id]).toBe(RESOURCE_LABELS[id as keyof typeof RESOURCE_LABELS]);
    for (const name of Object.values(NAVIGATION)) expect(labels[name]).toBe(name);
    const actions = ours.actions as Record<string, string>;
    for (const [name, label] of Object.entries(CUSTOM_ACTIONS)) expect(actions[name]).toBe(label);
    const messages = ours.messages as Record<string, string>;
    expect(messages.loginWelcome).toBe('平顶山市妇女信访代理工作管理系统');
    expect(messages.invalidCredentials).toBe('邮箱或密码错误');
    expect(messages.accountLocked).toContain('{{minutes}}');
    expect(messages.forbidden).toBe('无权访问该记录');
    expect(messages.validationFailed).toBe('请更正标出的字段后再保存');
  });

  it('resolves through the real AdminJS pipeline (options parser → i18next → translate functions)', async () => {
    const lib = (rel: string) => import(pathToFileURL(path.join(ADMINJS_LIB, rel)).href);
    const { getLocales } = await lib('backend/utils/options-parser/options-parser.js');
    const { default: initTranslations } = await lib('frontend/utils/adminjs.i18n.js');
    const { createFunctions } = await lib('utils/translate-functions.factory.js');
    const admin = {
      options: { locale: { language: 'zh-CN', availableLanguages: ['zh-CN'], translations: { 'zh-CN': zhCN } } },
      resources: [],
    };
    const locale = await getLocales(admin);
    const { i18n } = initTranslations(locale);
    const t = createFunctions(i18n);

    expect(t.translateProperty('state', 'PetitionCase')).toBe('办理状态');
    expect(t.translateLabel('state.accepted', 'PetitionCase')).toBe('受理');
    expect(t.translateLabel('status.revoked', 'Certificate')).toBe('已吊销');
    expect(t.translateLabel('status.active', 'Agent')).toBe('在岗');
    expect(t.translateLabel('isKey.true', 'PetitionCase')).toBe('是');
    expect(t.translateProperty('countyId', 'Agent')).toBe('所属县（市、区）');
    expect(t.translateLabel('PetitionCase', 'PetitionCase')).toBe('信访代理案件');
    expect(t.translateLabel(NAVIGATION.cases)).toBe('案件管理');
    expect(t.translateAction('acceptCase', 'PetitionCase')).toBe('受理');
    expect(t.translateAction('show', 'PetitionCase')).toBe('查看');
    expect(t.translateButton('ok')).toBe('确定');
    expect(t.translateComponent('Login.welcomeHeader')).toBe('欢迎使用');
    expect(t.translateMessage('accountLocked', undefined, { minutes: 15 })).toBe(
      '登录失败次数过多，账户已暂时锁定，请15分钟后再试',
    );
    expect(t.translateMessage('successfullyBulkDeleted', 'PetitionCase', { count: 3 })).toBe('已删除 3 条记录');
  });
});
