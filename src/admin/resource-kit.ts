import {
  ACTIONS,
  flat,
  type Action,
  type ActionJSON,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type After,
  type PropertyOptions,
  type RecordActionResponse,
  type RecordJSON,
  type ResourceOptions,
  type ResourceWithOptions,
} from 'adminjs';
import { can, type Operation, type ResourceId } from '../domain/access-policy.js';
import { stepAction } from './actions/form-action.js';
import { leanRowParams, listHandler } from './actions/list-action.js';
import { Components } from './components/index.js';
import { actorOf } from './current-actor.js';
import { inputProblems } from './form-input.js';
import type { ChoiceKind } from './files/choices.router.js';
import { placeLevelProblems } from '../services/place-level.js';
import { ScopedResource, viewAudited, VOIDED_FILTER, type ResourceRules } from './scoped-resource.js';
import { hasProblems } from '../domain/errors.js';
import { fieldProblemsError } from './refusals.js';

export const NAV = {
  organization: { name: '组织与阵地', icon: 'Home' },
  agents: { name: '代理员与证书', icon: 'Award' },
  cases: { name: '案件管理', icon: 'Briefcase' },
  evaluation: { name: '统计与考评', icon: 'BarChart2' },
  supervision: { name: '信息与督导', icon: 'Bell' },
  system: { name: '系统管理', icon: 'Settings' },
} as const;

type AccessCheck = (context: ActionContext) => boolean;

/** isAccessible for an action needing `operation`: role first, then every record it would touch. */
export function allowed(resource: ResourceId, operation: Operation): AccessCheck {
  return (context) => {
    const actor = actorOf(context);
    const records = [context.record, ...(context.records ?? [])].filter((r) => r != null);
    if (!records.length) return can(actor, operation, resource);
    return records.every((r) => can(actor, operation, resource, { countyId: r!.params.countyId ?? null }));
  };
}

/** The built-in actions, each guarded by the access policy (the data layer checks again). */
export function guardedActions(resource: ResourceId): ResourceOptions['actions'] {
  const read = allowed(resource, 'read');
  const write = allowed(resource, 'write');
  return {
    list: { isAccessible: read },
    search: { isAccessible: read },
    show: { isAccessible: read },
    new: { isAccessible: write },
    edit: { isAccessible: write },
    delete: { isAccessible: write },
    bulkDelete: { isAccessible: write },
  };
}

/** Built once the DataSource is initialised: the adapter reads the entity's metadata. */
export type ResourceFactory = () => ResourceWithOptions;

/**
 * Where a resource sits and what its pages show: its menu group, title, order and the properties of the list,
 * the filter, the record and the form. Kept as data, `resources/layouts/<resource>.json`: the resource's file
 * keeps what it does (its rules, fields and actions); a test holds every name here to the resource's own.
 */
export interface PageLayout {
  navigation: string;
  titleProperty?: string;
  sort?: { sortBy: string; direction: string };
  listProperties?: string[];
  filterProperties?: string[];
  showProperties?: string[];
  editProperties?: string[];
}

function layoutOptions({ navigation, sort, ...pages }: PageLayout): ResourceOptions {
  if (!Object.hasOwn(NAV, navigation)) throw new Error(`unknown navigation group "${navigation}"`);
  if (sort && sort.direction !== 'asc' && sort.direction !== 'desc') {
    throw new Error(`sort direction "${sort.direction}" is neither asc nor desc`);
  }
  return { navigation: NAV[navigation as keyof typeof NAV], sort: sort as ResourceOptions['sort'], ...pages };
}

/**
 * One admin resource: the entity behind the scoped adapter, its page layout, and the guarded built-in
 * actions merged with the resource's own options.
 */
export function defineResource(
  entity: ConstructorParameters<typeof ScopedResource>[0],
  rules: ResourceRules,
  layout: PageLayout,
  options: ResourceOptions = {},
): ResourceFactory {
  return () => buildResource(entity, rules, { ...layoutOptions(layout), ...options });
}

// a place field takes a place of its own level only, on every resource that has one (the organisations'
// own tree excepted): a village is never saved, and printed, as the township or the county
const PLACE_LEVELS = { countyId: 'county', townshipId: 'township', villageId: 'village' } as const;

function withPlaceLevels(rules: ResourceRules): ResourceRules {
  if (rules.id === 'Organization') return rules;
  const own = rules.validate;
  return {
    ...rules,
    validate: async (values, ctx) => ({
      ...(await placeLevelProblems(ctx.em, values, PLACE_LEVELS)),
      ...(await own?.(values, ctx)),
    }),
  };
}

function buildResource(
  entity: ConstructorParameters<typeof ScopedResource>[0],
  ownRules: ResourceRules,
  options: ResourceOptions,
): ResourceWithOptions {
  const rules = withPlaceLevels(ownRules);
  const actions = guardedActions(rules.id) as Record<string, Partial<Action<ActionResponse>>>;
  for (const [name, extra] of Object.entries(options.actions ?? {})) {
    actions[name] = { ...(actions[name] ?? {}), ...extra };
  }
  const resource = new ScopedResource(entity, rules);
  actions.list = { ...actions.list, handler: listHandler };
  neverLoseRecords(resource, rules, actions);
  landOnTheRecord(actions);
  thenAfter(actions, 'show', async (answered, _request, context) => (await viewAudited(context), answered));
  leanListings(actions);
  // the list's own buttons (导出Excel, 导入…) belong to the list: not above a form or a record
  for (const [name, action] of Object.entries(actions))
    if (name !== 'list') actions[name] = { showResourceActions: false, ...action };
  const hidden = { isVisible: { list: false, filter: false, show: true, edit: false } };
  const properties: NonNullable<ResourceOptions['properties']> = {
    createdAt: hidden,
    updatedAt: hidden,
    // a county paper's heading titles its pages and is never a field of its own
    ...(rules.heading && { [rules.heading.property]: { type: 'string', isVisible: false } }),
    ...Object.fromEntries(
      (rules.readOnly ?? []).map((p) => [p, { isVisible: { list: true, filter: true, show: true, edit: false } }]),
    ),
  };
  for (const p of resource.properties()) {
    const columnType = (p as unknown as { column?: { type?: unknown } }).column?.type;
    // a `text` column holds prose (案情, 理由, 结果, 意见): written and read in lines, not on one
    if (columnType === 'text') properties[p.path()] = { type: 'textarea', ...properties[p.path()] };
    // a `date` column is typed 'datetime' by the adapter, whose picker posts local midnight as UTC (a day early in China)
    if (columnType === 'date') {
      properties[p.path()] = {
        ...properties[p.path()],
        components: {
          edit: Components.DateInput,
          show: Components.DateValue,
          list: Components.DateValue,
          filter: Components.DateRangeFilter,
        },
      };
    }
  }
  // places by level (组织层级): a county field offers counties, a township field the townships of the chosen
  // county, a village field the villages of the chosen township (the organisations' own tree is edited apart)
  if (rules.id !== 'Organization') {
    const pickers: Record<string, { choices: ChoiceKind; parent?: string }> = {
      countyId: { choices: 'county' },
      townshipId: { choices: 'township', parent: 'countyId' },
      villageId: { choices: 'village', parent: 'townshipId' },
    };
    for (const [path, custom] of Object.entries(pickers)) {
      if (!resource.property(path) || rules.readOnly?.includes(path)) continue;
      properties[path] = { ...properties[path], custom, components: { edit: Components.PlacePicker } };
    }
  }
  if (resource.property('countyId') && !rules.readOnly?.includes('countyId') && !rules.parent) {
    properties.countyId = { ...properties.countyId, description: '县妇联工作人员保存时自动填为本县（市、区）' };
  }
  // the version a form was loaded with goes back with it (a save on an old page is refused); the void state is
  // shown, never edited: only the 作废 and 恢复 actions change it
  properties.rowVersion = {
    isVisible: { list: false, filter: false, show: true, edit: true },
    isDisabled: true,
    description: '每次保存加一；他人在您打开页面后保存过的，您的保存会被拒绝，以免覆盖',
  };
  const extended = { ...options };
  if (extended.editProperties) extended.editProperties = [...extended.editProperties, 'rowVersion'];
  if (resource.voidable) {
    for (const p of ['voidedAt', 'voidedById', 'voidReason'])
      properties[p] = { isVisible: { list: false, filter: false, show: true, edit: false } };
    properties[VOIDED_FILTER] = {
      type: 'string',
      availableValues: [{ value: 'true', label: '已作废的记录（仅市妇联管理员）' }],
      isVisible: { list: false, filter: true, show: false, edit: false },
    };
    if (extended.showProperties)
      extended.showProperties = [...extended.showProperties, 'rowVersion', 'voidedAt', 'voidedById', 'voidReason'];
    if (extended.filterProperties) extended.filterProperties = [...extended.filterProperties, VOIDED_FILTER];
  }
  for (const [path, extra] of Object.entries(options.properties ?? {}))
    properties[path] = { ...properties[path], ...extra };
  return { resource, options: { ...extended, actions, properties } };
}

type AnyAction = Partial<Action<ActionResponse>>;
type Check = (context: ActionContext) => boolean;
const asCheck = (v: AnyAction['isVisible'] | AnyAction['isAccessible'], fallback: boolean): Check =>
  typeof v === 'function' ? (v as Check) : () => (v === undefined ? fallback : Boolean(v));
const isVoided = (context: ActionContext) => Boolean(context.record?.params.voidedAt);
// what stays open on a voided record: looking at it, its papers, and bringing it back
const OPEN_WHEN_VOIDED = ['show', 'restoreRecord', 'downloadDocument', 'printCertificate'];

/**
 * No record of the program is deleted (they are official records of petitions). Delete and bulk delete become
 * 作废 (with a reason) and 恢复 (the city); a voided record's other actions are hidden (the data layer and
 * the services refuse them too); a true delete is left only where rules.deletable allows it (a draft that
 * never left its author). Every form's raw input is checked by type before AdminJS converts it.
 */
function neverLoseRecords(resource: ScopedResource, rules: ResourceRules, actions: Record<string, AnyAction>): void {
  const deleteAccess = asCheck(actions.delete?.isAccessible, true);
  const deleteVisible = asCheck(actions.delete?.isVisible, true);
  const deletable = rules.deletable;
  actions.bulkDelete = { ...actions.bulkDelete, isAccessible: false, isVisible: false };
  actions.delete = deletable
    ? {
        ...actions.delete,
        isVisible: (context) => {
          const actor = actorOf(context);
          return Boolean(actor && context.record && deletable(context.record.params, actor) && deleteVisible(context));
        },
      }
    : { ...actions.delete, isAccessible: false, isVisible: false };
  if (resource.voidable) {
    actions.voidRecord = stepAction({
      icon: 'Slash',
      variant: 'danger',
      intro:
        '作废后该记录不再出现在列表、搜索和统计中，但不会被删除：作废人、时间和原因记入操作日志，市妇联管理员可以查看并恢复。',
      submitLabel: '确认作废',
      fields: [{ name: 'reason', label: '作废原因', type: 'textarea', required: true }],
      isAccessible: deleteAccess,
      isVisible: (context) => !isVoided(context) && deleteVisible(context),
      run: ({ payload, recordId, context }) =>
        resource.voidRecord(recordId, { reason: payload.reason, rowVersion: payload.rowVersion }, context),
      success: '记录已作废（市妇联管理员可以恢复）',
    });
    actions.restoreRecord = stepAction({
      icon: 'RotateCcw',
      intro: '恢复后该记录重新出现在列表和统计中，恢复操作记入操作日志。',
      submitLabel: '确认恢复',
      fields: [],
      isAccessible: (context) => actorOf(context)?.role === 'city_admin' && allowed(rules.id, 'read')(context),
      isVisible: isVoided,
      run: ({ payload, recordId, context }) =>
        resource.restoreRecord(recordId, { rowVersion: payload.rowVersion }, context),
      success: '记录已恢复',
    });
  }
  for (const [name, action] of Object.entries(actions)) {
    const isRecordAction = ['edit', 'delete'].includes(name) || action.actionType === 'record';
    if (!isRecordAction || OPEN_WHEN_VOIDED.includes(name)) continue;
    const visible = asCheck(action.isVisible, true);
    action.isVisible = (context) => !isVoided(context) && visible(context);
  }
  // the create form is only ever posted: a GET is answered with nothing rather than AdminJS's crash
  const create = actions.new?.handler ?? ACTIONS.new.handler;
  actions.new = {
    ...actions.new,
    handler: async (request, response, context) => {
      if (request.method !== 'post') return {};
      const handlers = Array.isArray(create) ? create : [create];
      return handlers.reduce<Promise<unknown>>(
        async (done, h) => (await done) ?? h(request, response, context),
        Promise.resolve(undefined),
      );
    },
  };
  for (const name of ['new', 'edit'] as const) {
    const own = actions[name]?.before;
    actions[name] = {
      ...actions[name],
      before: async (request: ActionRequest, context: ActionContext) => {
        checkRawInput(resource, rules, request);
        if (!own) return request;
        return Array.isArray(own)
          ? own.reduce(async (r, hook) => hook(await r, context), Promise.resolve(request))
          : own(request, context);
      },
    };
  }
}

/**
 * The form as posted, before AdminJS converts it (which would turn "2026-02-30" into 2 March and
 * "false" into true): wrong types and sizes are refused on their fields, in Chinese.
 */
function checkRawInput(resource: ScopedResource, rules: ResourceRules, request: ActionRequest): void {
  if (request.method !== 'post' || !request.payload) return;
  const raw = flat.unflatten(request.payload) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const properties = [];
  for (const p of resource.properties()) {
    const path = p.path();
    if (
      ['id', 'createdAt', 'updatedAt', 'rowVersion', 'voidedAt', 'voidedById', 'voidReason'].includes(path) ||
      rules.readOnly?.includes(path)
    )
      continue;
    if (!(path in raw)) continue;
    const column = (p as unknown as { column?: { type?: unknown; referencedColumn?: unknown } }).column;
    let v = raw[path];
    if (v === '') {
      v = null;
      // an emptied number or reference field is no value, not 0 (AdminJS would convert '' to 0)
      if (column?.referencedColumn || column?.type === 'integer' || column?.type === 'numeric')
        request.payload[path] = null;
    }
    // the adapter's datetime picker posts an ISO timestamp for a `date` column: the day is checked later
    if (
      column?.type === 'date' &&
      typeof v === 'string' &&
      /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) &&
      !Number.isNaN(Date.parse(v))
    )
      continue;
    values[path] = v;
    properties.push({ path, column: column as never });
  }
  const problems = inputProblems(values, properties);
  if (hasProblems(problems)) throw fieldProblemsError(problems, true);
}

/**
 * A record titled by its county and what it is ("新华区 2026年度结案统计表（第2版）") rather than a bare
 * year or date: the `heading` rule of a county's report, evaluation or analysis.
 */
export function countyHeading(
  describe: (row: Record<string, unknown>) => string,
): NonNullable<ResourceRules['heading']> {
  return {
    property: 'heading',
    of: async (rows, em) => {
      const ids = [...new Set(rows.map((r) => Number(r.countyId)).filter(Number.isInteger))];
      const names = new Map<number, string>(
        (await em.query('SELECT id, name FROM organization WHERE id = ANY($1::int[])', [ids])).map(
          (o: { id: number; name: string }) => [o.id, o.name],
        ),
      );
      return rows.map((r) => `${names.get(Number(r.countyId)) ?? ''} ${describe(r)}`.trim());
    },
  };
}

/**
 * An `after` hook adding computed values to the records an action answers (a page's one, a list's many):
 * `fill` gets them all at once, so a list costs one query, with the page's own record for what only a
 * page shows.
 */
export function fillAnswered(
  fill: (records: RecordJSON[], page: RecordJSON | undefined) => Promise<void> | void,
): After<ActionResponse> {
  return async (response) => {
    const records = [response.record, ...(response.records ?? [])].filter(Boolean) as RecordJSON[];
    if (records.length) await fill(records, response.record);
    return response;
  };
}

/**
 * A value an after-hook computes for the page, never stored: shown on the record's page (and in the list,
 * with `list`), neither filtered nor edited.
 */
export function computed(type: 'string' | 'richtext' | 'number', { list = false } = {}): PropertyOptions {
  return { type, isVisible: { list, filter: false, show: true, edit: false } };
}

/**
 * A computed value the list is filtered by (through the rules' virtualFilters), one of a fixed set, each
 * offered by its label; shown in the list and on the page too unless `filterOnly`.
 */
export function computedChoice(
  values: readonly string[],
  labels: Readonly<Record<string, string>>,
  { filterOnly = false } = {},
): PropertyOptions {
  const shown = !filterOnly;
  return {
    type: 'string',
    availableValues: values.map((value) => ({ value, label: labels[value] })),
    isVisible: { list: shown, filter: true, show: shown, edit: false },
  };
}

/** The after-hook that fills a resource's computed values, on the list's rows and on the record's page. */
export function filledOnPages(after: After<ActionResponse>): Record<'list' | 'show', { after: After<ActionResponse> }> {
  return { list: { after }, show: { after } };
}

/**
 * 编辑 and 删除 offered only while the record may still change (a draft, an open item); its rules refuse a
 * change after that anyway (assertWritable).
 */
export function changeableWhile(open: AccessCheck): Record<'edit' | 'delete', { isVisible: AccessCheck }> {
  return { edit: { isVisible: open }, delete: { isVisible: open } };
}

type AfterHook = (response: ActionResponse, request: ActionRequest, context: ActionContext) => Promise<ActionResponse>;

/** Runs `then` on the answer of an action, after the hooks the action has of its own (one or a list). */
function thenAfter(actions: Record<string, AnyAction>, name: string, then: AfterHook): void {
  const own = actions[name]?.after;
  const hooks = (Array.isArray(own) ? own : own ? [own] : []) as AfterHook[];
  actions[name] = {
    ...actions[name],
    after: async (response: ActionResponse, request: ActionRequest, context: ActionContext) => {
      let answered = response;
      for (const hook of hooks) answered = await hook(answered, request, context);
      return then(answered, request, context);
    },
  };
}

/** After 新建, the user lands on the record she made (its page and next steps), not back on the list. */
function landOnTheRecord(actions: Record<string, AnyAction>): void {
  thenAfter(actions, 'new', async (answered, request, context) => {
    const record = (answered as RecordActionResponse).record;
    const saved = request.method === 'post' && record?.id && !Object.keys(record.errors ?? {}).length;
    return saved
      ? {
          ...answered,
          redirectUrl: context.h.recordActionUrl({
            resourceId: context.resource.id(),
            recordId: record.id,
            actionName: 'show',
          }),
        }
      : answered;
  });
}

const withoutForm = (action: ActionJSON): ActionJSON => ({ ...action, custom: {} });

/**
 * A list or search answer carries what its rows show: each row's actions without their forms (an action's
 * page reads the record again, with them), each reference as its id, title and 查看 link — not the forms
 * of 15 steps on 20 rows, nor the referenced record's own actions. A list whose page draws its rows itself
 * (`custom.rowParams`, see listHandler) keeps, of each row, only the columns that page shows.
 */
function leanListings(actions: Record<string, AnyAction>): void {
  const lean = (record: RecordJSON): RecordJSON => ({
    ...record,
    recordActions: record.recordActions.map(withoutForm),
    populated: Object.fromEntries(
      Object.entries(record.populated ?? {}).map(([path, ref]) => [
        path,
        ref && {
          ...ref,
          populated: {},
          bulkActions: [],
          recordActions: ref.recordActions.filter((a) => a.name === 'show').map(withoutForm),
        },
      ]),
    ),
  });
  thenAfter(actions, 'search', async (answered) => {
    const records = (answered as { records?: RecordJSON[] }).records;
    return records ? { ...answered, records: records.map(lean) } : answered;
  });
  thenAfter(actions, 'list', async (answered, _request, context) => {
    const records = (answered as { records?: RecordJSON[] }).records;
    if (!records) return answered;
    const rowParams = leanRowParams(context);
    if (!rowParams) return { ...answered, records: records.map(lean) };
    const decorated = context.resource.decorate();
    const shown = [
      'id',
      ...decorated.getListProperties().map((p) => p.propertyPath),
      decorated.titleProperty().propertyPath,
      ...rowParams,
    ];
    const columns = (params: Record<string, unknown>) =>
      Object.fromEntries(shown.filter((path) => path in params).map((path) => [path, params[path]]));
    return { ...answered, records: records.map((r) => ({ ...r, params: columns(r.params) })) };
  });
}
