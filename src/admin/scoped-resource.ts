import { Resource } from '@adminjs/typeorm';
import { flat, ForbiddenError, ValidationError, type ActionContext, BaseRecord, type Filter } from 'adminjs';
import {
  And,
  IsNull,
  Not,
  Raw,
  type BaseEntity,
  type EntityManager,
  type FindOperator,
  type ObjectLiteral,
} from 'typeorm';
import { can, countyScope, type Actor, type ResourceId } from '../domain/access-policy.js';
import {
  mayQueryBy,
  PERSONAL_DATA,
  personalValue,
  seesInFull,
  type PersonalSubject,
  type PersonalView,
} from '../domain/personal-data.js';
import {
  DomainError,
  FieldErrors,
  hasProblems,
  problem,
  type ErrorCode,
  type FieldProblems,
} from '../domain/errors.js';
import {
  assertVersion,
  assertVersionGiven,
  StaleVersion,
  VoidedRecord,
  voidReasonProblem,
} from '../domain/record-version.js';
import { diffFields, writeAudit, type AuditEntry } from '../services/audit.js';
import { asValidationError, fieldProblemsError, FORM_ERROR } from './refusals.js';
import { actorOf } from './current-actor.js';
import { countForList } from './list-count.js';
import { inputProblems, isRealDay } from './form-input.js';
import { describeStale } from './stale-version.js';
import { chinaToday, now } from './clock.js';

type EntityClass = typeof BaseEntity & { new (): BaseEntity };
export type { FieldProblems };

export interface ResourceRules {
  id: ResourceId;
  /** the record inherits its county from this parent (e.g. a case document from its case) */
  parent?: { property: string; entity: EntityClass; resource: ResourceId };
  /** references that must belong to the record's own county */
  sameCounty?: { property: string; entity: EntityClass; message: string }[];
  /** whose personal data the record holds: shown per role as PERSONAL_DATA says; full views are audited */
  personal?: PersonalSubject;
  /** never taken from a form: set by services and workflow actions only */
  readOnly?: string[];
  /** domain validation of the whole record as it would be saved */
  validate?: (
    values: Record<string, unknown>,
    ctx: { today: string; em: EntityManager; before: Record<string, unknown> | null },
  ) => FieldProblems | Promise<FieldProblems>;
  /**
   * text columns a list filter finds by characters (a name, a subject): looked up in their gram index
   * (text_grams, migration chinese-text-search) instead of scanning every row for '%…%'
   */
  textSearch?: string[];
  /** list filters on computed values (not columns): filter value → a condition on the record's id */
  virtualFilters?: Record<string, (value: string, ctx: { today: string }) => FindOperator<unknown> | null>;
  /**
   * list columns that are computed, sortable by an SQL expression on the listed row (`alias` is its table
   * alias), e.g. 剩余天数 by the case's due day; rows without a value come last either way
   */
  virtualSorts?: Record<string, (alias: string) => string>;
  /**
   * a record's title when no column says enough (a report titled by its year alone): `property` is a
   * virtual property, the resource's titleProperty, filled for every record read (lists, pages, references)
   */
  heading?: { property: string; of: (rows: Record<string, unknown>[], em: EntityManager) => Promise<string[]> };
  /** form fields that are not columns (e.g. a password to hash): may set values, returns its problems */
  fromForm?: (
    params: Record<string, unknown>,
    values: Record<string, unknown>,
    ctx: { creating: boolean },
  ) => Promise<FieldProblems>;
  /** last changes before insert, e.g. a generated number */
  beforeInsert?: (values: Record<string, unknown>, ctx: { em: EntityManager; actor: Actor | null }) => Promise<void>;
  /**
   * Refuses (throws a DomainError) a create, update or delete touching a record that must not change,
   * e.g. the file of an archived case; called with the record as it is and as it would be.
   */
  assertWritable?: (values: Record<string, unknown>, ctx: { em: EntityManager }) => Promise<void>;
  /**
   * Records of the program are official records of petitions: voided (作废), never deleted. Only a record that
   * never left its author (a draft) may really be deleted: this says which, for the signed-in user.
   */
  deletable?: (row: Record<string, unknown>, actor: Actor) => boolean;
}

/** Never taken from a form: the key, timestamps, the version (compared, not written) and the void state. */
const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt', 'rowVersion', 'voidedAt', 'voidedById', 'voidReason'];

/** The virtual list filter of voidable resources: 'true' lists the voided records (city admins only). */
export const VOIDED_FILTER = 'voided';

/**
 * The audit row of a record page that shows personal data in full, being written (findOne) while the page's
 * references are read; the page answers only once it is written (viewAudited), so no view goes unrecorded.
 */
const viewAudits = new WeakMap<ActionContext, Promise<unknown>>();

/** Waits for the audit row of this page's view of personal data, if it writes one (a failure fails the page). */
export async function viewAudited(context: ActionContext): Promise<void> {
  await viewAudits.get(context);
}

/** A record id from a URL or a form: a positive 32-bit integer, else null (nothing matches it). */
export function recordId(id: unknown): number | null {
  const text = typeof id === 'number' ? String(id) : typeof id === 'string' ? id.trim() : '';
  return /^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= 2147483647 ? Number(text) : null;
}

/** A refusal on one field, with the same words as the form's notice. */
function fieldError(field: string, code: ErrorCode, message: string): unknown {
  return fieldProblemsError({ [field]: problem(code, message) }, true);
}

/**
 * AdminJS turns date fields into Date objects at UTC midnight; a `date` column keeps the calendar day
 * as text, and an unparseable one stays text so the validator can name it.
 */
function asColumnValue(v: unknown, column: { type?: unknown; referencedColumn?: unknown } | undefined): unknown {
  if (v === '') return null;
  if (v instanceof Date && column?.type === 'date')
    return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  // a form posts whole numbers and ids as text ('2'): kept as the number the row holds, so that an
  // unchanged field is not taken for a change (a new version and an audit line for nothing)
  if (
    (column?.type === 'integer' || column?.referencedColumn) &&
    typeof v === 'string' &&
    /^-?\d{1,10}$/.test(v.trim())
  )
    return Number(v.trim());
  return v;
}

/** `text` as an ILIKE pattern for "contains": % and _ typed by the user are characters, not wildcards. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A text column contains `:query` (pattern `:like`, containsPattern): looked up in its gram index
 * (text_grams, migration chinese-text-search), then confirmed.
 */
export function gramMatchSql(column: string, query: string, like: string): string {
  return `text_grams(${column}) @> query_grams(:${query}) AND ${column} ILIKE :${like}`;
}

/**
 * A virtual filter's condition on the listed row's own columns: `sql` gets the row's table alias. The
 * adapter hands a condition on `id` its column ("PetitionCase"."id", or `listed.id` in a computed order)
 * and TypeORM rewrites `alias.column` only where a space, comma or bracket follows it: the SQL is written
 * on one line.
 */
export function onListedRow(sql: (table: string) => string, params: ObjectLiteral = {}): FindOperator<unknown> {
  return Raw((idColumn) => sql(idColumn.slice(0, idColumn.lastIndexOf('.'))).replace(/\s+/g, ' '), params);
}

/**
 * The TypeORM adapter with the access policy built in at the lowest level, so that every path into
 * the data — list, search, show, edit, delete, bulk and custom actions, reference pickers — is
 * confined to the signed-in user's county, and every write is validated and audited in one transaction.
 */
export class ScopedResource extends Resource {
  constructor(
    private readonly entity: EntityClass,
    readonly rules: ResourceRules,
  ) {
    super(entity);
  }

  id(): string {
    return this.rules.id;
  }

  private get table(): string {
    return this.entity.getRepository().metadata.tableName;
  }

  private get manager(): EntityManager {
    return this.entity.getRepository().manager;
  }

  /** Records of the program carry voided_at: they are voided (作废), never deleted. */
  get voidable(): boolean {
    return Boolean(this.property('voidedAt'));
  }

  /**
   * AdminJS looks form keys up in a plain object: a key naming a member of Object.prototype
   * ("constructor.prototype.x", "__proto__.y") would reach a function instead of a property and crash the
   * request. Such keys are no property of any resource.
   */
  assignDecorator(...args: Parameters<Resource['assignDecorator']>): void {
    super.assignDecorator(...args);
    const decorated = (this as unknown as { _decorated: { getPropertyByKey: (key: string) => unknown } })._decorated;
    const lookup = decorated.getPropertyByKey;
    decorated.getPropertyByKey = (key: string) =>
      String(key)
        .split('.')
        .some((part) => part in Object.prototype)
        ? null
        : lookup(key);
  }

  /**
   * A list filter whose value cannot be of its property's type ("abc" for a county, an impossible date, a
   * choice not in the list) matches nothing, instead of reaching PostgreSQL as an error.
   */
  private saneFilters(filter: Filter): void {
    for (const [path, f] of Object.entries(filter.filters)) {
      const column = (this.property(path) as any)?.column;
      if (!column || (f as { custom?: unknown }).custom) continue;
      const values =
        typeof f.value === 'object' && f.value !== null ? Object.values(f.value as Record<string, unknown>) : [f.value];
      const type = column.referencedColumn ? 'integer' : column.type;
      const ok = values.every((v) => {
        if (v === undefined || v === null || v === '') return true;
        const text = String(v);
        if (type === 'integer') return /^-?\d{1,10}$/.test(text) && Math.abs(Number(text)) <= 2147483647;
        if (type === 'numeric') return /^-?\d{1,12}(\.\d+)?$/.test(text);
        if (type === 'enum') return (column.enum ?? []).map(String).includes(text);
        if (type === 'date' || type === 'timestamptz')
          return isRealDay(text.slice(0, 10)) && !Number.isNaN(new Date(text).getTime());
        if (type === 'boolean') return ['true', 'false'].includes(text);
        return true;
      });
      if (!ok) filter.filters[path] = { ...f, custom: Raw(() => 'false') } as Filter['filters'][string];
    }
  }

  /** Filters on the textSearch columns go through their gram index; the match is then confirmed in order. */
  private textFilters(filter: Filter): void {
    for (const path of this.rules.textSearch ?? []) {
      const f = filter.filters[path];
      const text = typeof f?.value === 'string' ? f.value.trim() : '';
      if (!f || !text || (f as { custom?: unknown }).custom) continue;
      const [q, like] = [`grams_${path}`, `like_${path}`];
      filter.filters[path] = {
        ...f,
        custom: Raw((column) => gramMatchSql(column, q, like), { [q]: text, [like]: containsPattern(text) }),
      } as Filter['filters'][string];
    }
  }

  /** The filter with the county forced for county staff: a forged `filters.countyId` is overwritten. */
  private scoped(given: Filter, context?: ActionContext): Filter {
    // a list counts with the filter its page was read with: each scopes a copy, the one given stays as chosen
    const filter: Filter = Object.assign(Object.create(Object.getPrototypeOf(given)), given, {
      filters: { ...given.filters },
    });
    this.saneFilters(filter);
    this.textFilters(filter);
    const actor = actorOf(context);
    // a filter on a field its reader may not see in full would tell it, one guess at a time
    for (const path of Object.keys(filter.filters)) {
      if (this.rules.personal && !mayQueryBy(this.rules.personal, path, actor?.role)) delete filter.filters[path];
    }
    // nobody signed in: a county that does not exist, so nothing matches
    const county = actor ? countyScope(actor) : -1;
    if (county !== null) {
      filter.filters.countyId = { path: 'countyId', property: this.property('countyId')!, value: String(county) };
    }
    if (this.voidable) {
      // voided records are left out of every list and search; the city may list them on their own
      const wanted = filter.filters[VOIDED_FILTER];
      delete filter.filters[VOIDED_FILTER];
      const voided = actor?.role === 'city_admin' && String(wanted?.value) === 'true';
      filter.filters.voidedAt = {
        path: 'voidedAt',
        property: this.property('voidedAt')!,
        value: '',
        custom: voided ? Not(IsNull()) : IsNull(),
      } as Filter['filters'][string];
    }
    // every computed filter chosen (期限提醒 and a search together), all of them on the row's id
    const conditions: FindOperator<unknown>[] = [];
    for (const [name, condition] of Object.entries(this.rules.virtualFilters ?? {})) {
      const selected = filter.filters[name];
      if (!selected) continue;
      delete filter.filters[name];
      const custom = condition(String(selected.value), { today: chinaToday() });
      if (custom) conditions.push(custom);
    }
    // a filter on no column (a picker searching a record by its heading, a forged searchProperty) would
    // reach the adapter without a property and fail: a heading is found by its county's name (the rest of
    // it is the record's own period or year), anything else matches nothing
    for (const [path, f] of Object.entries(filter.filters)) {
      if (this.property(path) || (f as { custom?: unknown }).custom) continue;
      delete filter.filters[path];
      const text = typeof f.value === 'string' ? f.value.trim() : '';
      conditions.push(
        path === this.rules.heading?.property && text && this.property('countyId')
          ? onListedRow(
              (t) =>
                `${t}.county_id IN (SELECT o.id FROM organization o WHERE o.name ILIKE :headingLike OR :headingText ILIKE '%' || o.name || '%')`,
              { headingLike: containsPattern(text), headingText: text },
            )
          : Raw(() => 'false'),
      );
    }
    // the adapter passes `custom` to TypeORM as is (@adminjs/typeorm custom-filter.parser)
    if (conditions.length)
      filter.filters.id = {
        path: 'id',
        property: this.property('id')!,
        value: '',
        custom: conditions.length === 1 ? conditions[0] : And(...conditions),
      } as Filter['filters'][string];
    return filter;
  }

  async count(filter: Filter, context?: ActionContext): Promise<number> {
    // @adminjs/typeorm's count is `model.count({ where: convertFilter(filter) })` and its converter is not
    // exported: a stand-in model takes the where, countForList counts it (exact, or estimated when large)
    let where: ObjectLiteral = {};
    const standIn = { model: { count: async (options: { where: ObjectLiteral }) => ((where = options.where), 0) } };
    await Resource.prototype.count.call(standIn, this.scoped(filter, context));
    return (await countForList(this.entity.getRepository(), where)).count;
  }

  async find(filter: Filter, params: any, context?: ActionContext): Promise<BaseRecord[]> {
    // an order by a field its reader may not see in full would tell it, row by row: the default order instead
    const sortBy = params?.sort?.sortBy;
    if (this.rules.personal && sortBy && !mayQueryBy(this.rules.personal, sortBy, actorOf(context)?.role)) {
      const { sortBy: by = 'id', direction = 'desc' } = this.decorate().options.sort ?? {};
      params = { ...params, sort: { sortBy: by, direction } };
    }
    const sortSql = this.rules.virtualSorts?.[params?.sort?.sortBy];
    const records = await this.headed(
      sortSql
        ? await this.findSortedBy(sortSql, this.scoped(filter, context), params)
        : await super.find(this.scoped(filter, context), params),
    );
    // the reference pickers (search) need the id and the title, nothing else
    if (context?.action?.name === 'search') return records.map((r) => this.slim(r));
    return records.map((r) => this.masked(r, actorOf(context), 'list'));
  }

  /** The records with their heading (rules.heading) filled in. */
  private async headed(records: BaseRecord[]): Promise<BaseRecord[]> {
    const heading = this.rules.heading;
    if (!heading || !records.length) return records;
    const titles = await heading.of(
      records.map((r) => r.params),
      this.manager,
    );
    records.forEach((r, i) => (r.params[heading.property] = titles[i]));
    return records;
  }

  /** A page of the list in the order of a computed column (virtualSorts), the id breaking ties. */
  private async findSortedBy(sortSql: (alias: string) => string, filter: Filter, params: any): Promise<BaseRecord[]> {
    // the adapter's filter converter is not exported: a stand-in model hands over the where it builds
    let where: ObjectLiteral = {};
    const standIn = { model: { find: async (options: { where: ObjectLiteral }) => ((where = options.where), []) } };
    await Resource.prototype.find.call(standIn, filter, { limit: 1, offset: 0, sort: {} });
    const direction = params.sort.direction === 'desc' ? 'DESC' : 'ASC';
    const alias = 'listed';
    const rows = await this.entity
      .getRepository()
      .createQueryBuilder(alias)
      .setFindOptions({ where })
      .orderBy(sortSql(alias), direction, 'NULLS LAST')
      .addOrderBy(`${alias}.id`, 'DESC')
      .limit(params.limit ?? 10)
      .offset(params.offset ?? 0)
      .getMany();
    return rows.map((row) => new BaseRecord(row as any, this));
  }

  async findOne(id: string | number, context?: ActionContext): Promise<BaseRecord | null> {
    const key = recordId(id);
    if (key === null) return null;
    const [record] = await this.headed([await super.findOne(key)].filter((r): r is BaseRecord => r !== null));
    if (!record) return null;
    const actor = actorOf(context);
    if (!can(actor, 'read', this.rules.id, { countyId: record.params.countyId ?? null })) return null;
    // a voided record is gone for everyone but the city, who may restore it
    if (record.params.voidedAt && actor?.role !== 'city_admin') return null;
    if (!this.rules.personal) return record;
    this.masked(record, actor, 'record');
    if (actor && seesInFull(this.rules.personal, actor.role) && context?.action?.name === 'show') {
      const written = this.audit(this.manager, {
        actor,
        action: 'view_personal',
        recordId: id,
        countyId: record.params.countyId,
      });
      // awaited by viewAudited; a page that fails before then must not also leave a rejection nobody handles
      written.catch(() => {});
      viewAudits.set(context, written);
    }
    return record;
  }

  async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const actor = actorOf(context);
    // references to voided records keep working: a case still names its (voided) agent
    const keys = ids.map(recordId).filter((k): k is number => k !== null);
    const records = keys.length ? await this.headed(await super.findMany(keys)) : [];
    // a bulk action loads its own records; anyone else (the populator) names a reference: id and title only
    const own = context?.action?.isBulkType() && context.resource === (this as unknown);
    return records
      .filter((r) => can(actor, 'read', this.rules.id, { countyId: r.params.countyId ?? null }))
      .map((r) => (own ? this.masked(r, actor, 'list') : this.slim(r)));
  }

  /** The record's personal fields as its reader may see them (PERSONAL_DATA): full, masked or left out. */
  private masked(record: BaseRecord, actor: Actor | null, view: PersonalView): BaseRecord {
    const subject = this.rules.personal;
    if (!subject) return record;
    for (const field of Object.keys(PERSONAL_DATA[subject])) {
      if (!(field in record.params)) continue;
      const value = personalValue(subject, field, actor?.role, view, record.params[field]);
      if (value === undefined) delete record.params[field];
      else record.params[field] = value;
    }
    return record;
  }

  /** A referenced record as it travels with another: its id and its title, none of its other columns. */
  private slim(record: BaseRecord): BaseRecord {
    const title = this.decorate().titleProperty().propertyPath;
    const keep = { id: record.params.id, [title]: record.params[title] };
    record.params = title in record.params ? keep : { id: record.params.id };
    return record;
  }

  /** Personal fields, for the audit trail (their values are not written into it). */
  private get personalFields(): string[] {
    return this.rules.personal ? Object.keys(PERSONAL_DATA[this.rules.personal]) : [];
  }

  async create(params: Record<string, any>, context?: ActionContext): Promise<ObjectLiteral> {
    const actor = actorOf(context);
    if (!can(actor, 'write', this.rules.id)) throw new ForbiddenError('无权新建此类记录');
    return this.transaction(async (em) => {
      const values = this.formValues(params);
      this.checkInput(values);
      await this.resolveCounty(em, actor, values, null);
      await this.rules.assertWritable?.(values, { em });
      await this.check(em, values, await this.rules.fromForm?.(params, values, { creating: true }), null);
      await this.rules.beforeInsert?.(values, { em, actor });
      const saved = await this.save(em, em.create(this.entity, values));
      await this.audit(em, {
        actor,
        action: 'create',
        recordId: saved.id,
        countyId: values.countyId,
        changes: diffFields({}, values, this.personalFields),
      });
      return saved;
    });
  }

  async update(pk: string | number, params: Record<string, any> = {}, context?: ActionContext): Promise<ObjectLiteral> {
    const actor = actorOf(context);
    return this.transaction(async (em) => {
      const current = await this.locked(em, pk);
      if (!current || !can(actor, 'read', this.rules.id, current as any)) throw new ForbiddenError('无权访问该记录');
      if (!can(actor, 'write', this.rules.id, current as any)) throw new ForbiddenError('无权修改该记录');
      const before = { ...current } as Record<string, any>;
      if (before.voidedAt) throw new VoidedRecord();
      await this.assertVersion(em, before, params.rowVersion);
      await this.rules.assertWritable?.(before, { em });
      const form = this.formValues(params);
      this.checkInput(form);
      const values = { ...before, ...form };
      await this.resolveCounty(em, actor, values, before);
      await this.rules.assertWritable?.(values, { em });
      await this.check(em, values, await this.rules.fromForm?.(params, values, { creating: false }), before);
      const changes = diffFields(before, values, this.personalFields);
      // nothing changed: nothing saved, no new version, nothing to audit
      if (!Object.keys(changes).length) return current;
      Object.assign(current, values);
      const saved = await this.save(em, current);
      await this.audit(em, {
        actor,
        action: 'update',
        recordId: current.id,
        countyId: values.countyId,
        changes: { ...changes, rowVersion: { before: before.rowVersion, after: saved.rowVersion } },
      });
      return saved;
    });
  }

  /** A line of the audit trail about one of this resource's records, in the transaction that changed it. */
  private audit(em: EntityManager, entry: Omit<AuditEntry, 'resource'>): Promise<void> {
    return writeAudit(em, { ...entry, resource: this.rules.id, countyId: entry.countyId ?? null });
  }

  /** The record locked for a change, or null (also for an id that is no id). */
  private async locked(em: EntityManager, pk: unknown): Promise<(BaseEntity & Record<string, any>) | null> {
    const key = recordId(pk);
    if (key === null) return null;
    return (await em.findOne(this.entity, { where: { id: key } as any, lock: { mode: 'pessimistic_write' } })) as any;
  }

  /** A save based on an older version is refused, naming who changed what since (no change lost unseen). */
  private async assertVersion(em: EntityManager, row: Record<string, any>, submitted: unknown): Promise<void> {
    if (row.rowVersion === undefined) return;
    try {
      assertVersionGiven(submitted);
      assertVersion(row.rowVersion, submitted);
    } catch (e) {
      if (!(e instanceof StaleVersion)) throw asValidationError(e, this.table);
      throw asValidationError(new DomainError(e.code, await describeStale(em, this.rules.id, row.id, e)), this.table);
    }
  }

  /**
   * 作废: the record stays, with who voided it, when and why, hidden from every list; refused where a
   * change is (e.g. the file of an archived case). Audited in the same transaction.
   */
  async voidRecord(
    pk: string | number,
    input: { reason?: unknown; rowVersion?: unknown },
    context?: ActionContext,
  ): Promise<void> {
    await this.changeVoidState(pk, input.rowVersion, context, 'voidRecord', {
      authorise: (actor, current) => {
        if (!can(actor, 'write', this.rules.id, current as any)) throw new ForbiddenError('无权作废该记录');
        if (current.voidedAt) throw new DomainError('ALREADY_VOIDED', '该记录已经作废');
      },
      change: (actor) => {
        const reasonProblem = voidReasonProblem(input.reason);
        if (reasonProblem) throw new FieldErrors({ reason: reasonProblem });
        return { voidedAt: now(), voidedById: actor!.id, voidReason: String(input.reason).trim() };
      },
    });
  }

  /** 恢复: the city brings a voided record back, as it was (refused where a change would be). */
  async restoreRecord(pk: string | number, input: { rowVersion?: unknown }, context?: ActionContext): Promise<void> {
    await this.changeVoidState(pk, input.rowVersion, context, 'restoreRecord', {
      authorise: (actor, current) => {
        if (actor?.role !== 'city_admin') throw new ForbiddenError('只有市妇联管理员可以恢复已作废的记录');
        if (!current.voidedAt) throw new DomainError('NOT_VOIDED', '该记录没有作废，无需恢复');
      },
      change: () => ({ voidedAt: null, voidedById: null, voidReason: null }),
    });
  }

  /**
   * Void or restore in one transaction: lock, `authorise`, check the page's version, compute the
   * `change` (which may refuse its input), respect the record's lock, save, audit.
   */
  private async changeVoidState(
    pk: string | number,
    rowVersion: unknown,
    context: ActionContext | undefined,
    action: 'voidRecord' | 'restoreRecord',
    step: {
      authorise: (actor: ReturnType<typeof actorOf>, current: Record<string, any>) => void;
      change: (actor: ReturnType<typeof actorOf>) => Record<string, unknown>;
    },
  ): Promise<void> {
    const actor = actorOf(context);
    await this.transaction(async (em) => {
      const current = await this.locked(em, pk);
      if (!current || !this.voidable || !can(actor, 'read', this.rules.id, current as any))
        throw new DomainError('NOT_FOUND', '记录不存在或无权访问');
      step.authorise(actor, current);
      await this.assertVersion(em, current, rowVersion);
      const change = step.change(actor);
      await this.rules.assertWritable?.({ ...current }, { em });
      const before = { ...current } as Record<string, any>;
      Object.assign(current, change);
      const saved = await this.save(em, current);
      await this.audit(em, {
        actor,
        action,
        recordId: current.id,
        countyId: current.countyId,
        changes: { ...diffFields(before, change), rowVersion: { before: before.rowVersion, after: saved.rowVersion } },
      });
    });
  }

  /**
   * Only a draft that never left its author (rules.deletable) is really deleted; every other record of
   * the program is voided instead (voidRecord), and the rest (users, the audit trail) is never deleted.
   */
  async delete(pk: string | number, context?: ActionContext): Promise<void> {
    const actor = actorOf(context);
    await this.transaction(async (em) => {
      const current = await this.locked(em, pk);
      if (!current) return;
      if (!can(actor, 'write', this.rules.id, current as any)) throw new ForbiddenError('无权删除该记录');
      if (!this.rules.deletable?.({ ...current }, actor!)) {
        throw new ForbiddenError(this.voidable ? '正式记录不能删除，请使用“作废”并填写原因' : '该记录不能删除');
      }
      await this.rules.assertWritable?.({ ...current }, { em });
      await em.remove(current);
      await this.audit(em, {
        actor,
        action: 'delete',
        recordId: pk,
        countyId: (current as any).countyId,
        changes: diffFields({ ...current }, {}, this.personalFields),
      });
    });
  }

  /** Form params as entity values: typed by the adapter, without system and read-only fields. */
  private formValues(params: Record<string, any>): Record<string, any> {
    const prepared = flat.unflatten((this as any).prepareParams(params)) as Record<string, any>;
    const values: Record<string, any> = {};
    for (const property of this.properties()) {
      const key = property.path();
      if (SYSTEM_FIELDS.includes(key) || this.rules.readOnly?.includes(key)) continue;
      if (!(key in prepared)) continue;
      values[key] = asColumnValue(prepared[key], (property as any).column);
    }
    return values;
  }

  /** Values of the wrong type or size are refused on their field before any rule or the database sees them. */
  private checkInput(values: Record<string, any>): void {
    const problems = inputProblems(
      values,
      this.properties().map((p) => ({ path: p.path(), column: (p as any).column })),
    );
    if (hasProblems(problems)) throw fieldProblemsError(problems, true);
  }

  /**
   * The county is never taken from a county clerk's form: it is hers, or the parent's. Parents and
   * same-county references outside her reach are refused on their field.
   */
  private async resolveCounty(
    em: EntityManager,
    actor: Actor | null,
    values: Record<string, any>,
    before: Record<string, any> | null,
  ) {
    const { parent } = this.rules;
    if (parent) {
      const parentId = recordId(values[parent.property]);
      const row = parentId == null ? null : await em.findOne(parent.entity, { where: { id: parentId } as any });
      if (!row || !can(actor, 'write', parent.resource, row as any))
        throw fieldError(parent.property, 'INPUT_REFERENCE', '所选记录不存在或无权操作');
      // nothing new is hung on a voided record
      if ((row as any).voidedAt && (!before || recordId(before[parent.property]) !== parentId))
        throw fieldError(parent.property, 'VOIDED', '所选记录已作废');
      values.countyId = (row as any).countyId;
    } else if (this.property('countyId')) {
      const scope = actor && countyScope(actor);
      if (scope != null) values.countyId = before ? before.countyId : scope;
    }
    for (const ref of this.rules.sameCounty ?? []) {
      if (values[ref.property] == null) continue;
      const refId = recordId(values[ref.property]);
      const row = refId === null ? null : await em.findOne(ref.entity, { where: { id: refId } as any });
      // a form posts ids as text ('3'), a service as numbers (3): compared as ids
      if (!row || recordId((row as any).countyId) !== recordId(values.countyId))
        throw fieldError(ref.property, 'INPUT_REFERENCE', ref.message);
      if ((row as any).voidedAt && (!before || recordId(before[ref.property]) !== refId))
        throw fieldError(ref.property, 'VOIDED', '所选记录已作废');
    }
  }

  private async check(
    em: EntityManager,
    values: Record<string, any>,
    formProblems: FieldProblems = {},
    before: Record<string, any> | null = null,
  ): Promise<void> {
    const problems = {
      ...((await this.rules.validate?.(values, { today: chinaToday(), em, before })) ?? {}),
      ...formProblems,
    };
    if (hasProblems(problems)) throw fieldProblemsError(problems);
  }

  private async save(em: EntityManager, entity: BaseEntity): Promise<any> {
    try {
      return await em.save(entity);
    } catch (e) {
      throw asValidationError(e, this.table);
    }
  }

  private async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.manager.transaction(work);
    } catch (e) {
      if (e instanceof ValidationError || e instanceof ForbiddenError) throw e;
      // a refused business rule (e.g. an archived file): its message on its field, or on the record
      throw asValidationError(e, this.table, FORM_ERROR);
    }
  }
}
