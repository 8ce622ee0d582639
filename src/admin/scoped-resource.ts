import { Resource } from '@adminjs/typeorm';
import { flat, ForbiddenError, ValidationError, type ActionContext, type BaseRecord, type Filter } from 'adminjs';
import type { BaseEntity, EntityManager, FindOperator, ObjectLiteral } from 'typeorm';
import { can, countyScope, maySeePersonalData, type Actor, type ResourceId } from '../domain/access-policy.js';
import { DomainError, FieldErrors } from '../domain/errors.js';
import { diffFields, writeAudit } from '../services/audit.js';
import { toValidationError } from './db-errors.js';
import { actorOf } from './current-actor.js';

type EntityClass = typeof BaseEntity & { new (): BaseEntity };
export type FieldProblems = Record<string, { code: string; message: string }>;

export interface ResourceRules {
  id: ResourceId;
  /** the record inherits its county from this parent (e.g. a case document from its case) */
  parent?: { property: string; entity: EntityClass; resource: ResourceId };
  /** references that must belong to the record's own county */
  sameCounty?: { property: string; entity: EntityClass; message: string }[];
  /** personal data: masked in lists, searches and for leaders; full views are audited */
  personal?: Record<string, (v: string | null) => string | null>;
  /** never taken from a form: set by services and workflow actions only */
  readOnly?: string[];
  /** domain validation of the whole record as it would be saved */
  validate?: (
    values: Record<string, any>,
    ctx: { today: string; em: EntityManager; before: Record<string, any> | null },
  ) => FieldProblems | Promise<FieldProblems>;
  /** list filters on computed values (not columns): filter value → a condition on the record's id */
  virtualFilters?: Record<string, (value: string, ctx: { today: string }) => FindOperator<unknown> | null>;
  /** form fields that are not columns (e.g. a password to hash): may set values, returns its problems */
  fromForm?: (params: Record<string, any>, values: Record<string, any>, ctx: { creating: boolean }) => Promise<FieldProblems>;
  /** last changes before insert, e.g. a generated number */
  beforeInsert?: (values: Record<string, any>, ctx: { em: EntityManager; actor: Actor | null }) => Promise<void>;
  /**
   * Refuses (throws a DomainError) a create, update or delete touching a record that must not change,
   * e.g. the file of an archived case; called with the record as it is and as it would be.
   */
  assertWritable?: (values: Record<string, any>, ctx: { em: EntityManager }) => Promise<void>;
}

const SYSTEM_FIELDS = ['id', 'createdAt', 'updatedAt'];

/**
 * AdminJS turns date fields into Date objects at UTC midnight; a `date` column keeps the calendar day
 * as text, and an unparseable one stays text so the validator can name it.
 */
function asColumnValue(v: unknown, columnType: unknown): unknown {
  if (v === '') return null;
  if (v instanceof Date && columnType === 'date') return Number.isNaN(v.getTime()) ? 'invalid' : v.toISOString().slice(0, 10);
  return v;
}

/** Today's date in China, YYYY-MM-DD. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
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

  /** The filter with the county forced for county staff: a forged `filters.countyId` is overwritten. */
  private scoped(filter: Filter, context?: ActionContext): Filter {
    const actor = actorOf(context);
    // nobody signed in: a county that does not exist, so nothing matches
    const county = actor ? countyScope(actor) : -1;
    if (county !== null) {
      filter.filters.countyId = { path: 'countyId', property: this.property('countyId')!, value: String(county) };
    }
    for (const [name, condition] of Object.entries(this.rules.virtualFilters ?? {})) {
      const selected = filter.filters[name];
      if (!selected) continue;
      delete filter.filters[name];
      const custom = condition(String(selected.value), { today: chinaToday() });
      // the adapter passes `custom` to TypeORM as is (@adminjs/typeorm custom-filter.parser)
      if (custom) filter.filters.id = { path: 'id', property: this.property('id')!, value: '', custom } as Filter['filters'][string];
    }
    return filter;
  }

  async count(filter: Filter, context?: ActionContext): Promise<number> {
    return super.count(this.scoped(filter, context));
  }

  async find(filter: Filter, params: any, context?: ActionContext): Promise<BaseRecord[]> {
    const records = await super.find(this.scoped(filter, context), params);
    return records.map((r) => this.masked(r));
  }

  async findOne(id: string | number, context?: ActionContext): Promise<BaseRecord | null> {
    const record = await super.findOne(id);
    if (!record) return null;
    const actor = actorOf(context);
    if (!can(actor, 'read', this.rules.id, { countyId: record.params.countyId ?? null })) return null;
    if (!this.rules.personal) return record;
    if (!actor || !maySeePersonalData(actor)) return this.masked(record);
    if (context?.action?.name === 'show') {
      await writeAudit(this.manager, {
        actor,
        action: 'view_personal',
        resource: this.rules.id,
        recordId: id,
        countyId: record.params.countyId,
      });
    }
    return record;
  }

  async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const actor = actorOf(context);
    const records = await super.findMany(ids);
    return records
      .filter((r) => can(actor, 'read', this.rules.id, { countyId: r.params.countyId ?? null }))
      .map((r) => this.masked(r));
  }

  private masked(record: BaseRecord): BaseRecord {
    for (const [field, mask] of Object.entries(this.rules.personal ?? {})) {
      if (record.params[field] != null) record.params[field] = mask(record.params[field]);
    }
    return record;
  }

  async create(params: Record<string, any>, context?: ActionContext): Promise<ObjectLiteral> {
    const actor = actorOf(context);
    if (!can(actor, 'write', this.rules.id)) throw new ForbiddenError('无权新建此类记录');
    return this.transaction(async (em) => {
      const values = this.formValues(params);
      await this.resolveCounty(em, actor, values, null);
      await this.rules.assertWritable?.(values, { em });
      await this.check(em, values, await this.rules.fromForm?.(params, values, { creating: true }), null);
      await this.rules.beforeInsert?.(values, { em, actor });
      const saved = await this.save(em, em.create(this.entity, values));
      await writeAudit(em, {
        actor,
        action: 'create',
        resource: this.rules.id,
        recordId: saved.id,
        countyId: values.countyId ?? null,
        changes: diffFields({}, values, Object.keys(this.rules.personal ?? {})),
      });
      return saved;
    });
  }

  async update(pk: string | number, params: Record<string, any> = {}, context?: ActionContext): Promise<ObjectLiteral> {
    const actor = actorOf(context);
    return this.transaction(async (em) => {
      const current = await em.findOne(this.entity, { where: { id: Number(pk) } as any, lock: { mode: 'pessimistic_write' } });
      if (!current || !can(actor, 'read', this.rules.id, current as any)) throw new ForbiddenError('无权访问该记录');
      if (!can(actor, 'write', this.rules.id, current as any)) throw new ForbiddenError('无权修改该记录');
      const before = { ...current } as Record<string, any>;
      await this.rules.assertWritable?.(before, { em });
      const values = { ...before, ...this.formValues(params) };
      await this.resolveCounty(em, actor, values, before);
      await this.rules.assertWritable?.(values, { em });
      await this.check(em, values, await this.rules.fromForm?.(params, values, { creating: false }), before);
      Object.assign(current, values);
      const saved = await this.save(em, current);
      await writeAudit(em, {
        actor,
        action: 'update',
        resource: this.rules.id,
        recordId: pk,
        countyId: values.countyId ?? null,
        changes: diffFields(before, values, Object.keys(this.rules.personal ?? {})),
      });
      return saved;
    });
  }

  async delete(pk: string | number, context?: ActionContext): Promise<void> {
    const actor = actorOf(context);
    await this.transaction(async (em) => {
      const current = await em.findOne(this.entity, { where: { id: Number(pk) } as any, lock: { mode: 'pessimistic_write' } });
      if (!current) return;
      if (!can(actor, 'write', this.rules.id, current as any)) throw new ForbiddenError('无权删除该记录');
      await this.rules.assertWritable?.({ ...current }, { em });
      await em.remove(current);
      await writeAudit(em, {
        actor,
        action: 'delete',
        resource: this.rules.id,
        recordId: pk,
        countyId: (current as any).countyId ?? null,
        changes: diffFields({ ...current }, {}, Object.keys(this.rules.personal ?? {})),
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
      values[key] = asColumnValue(prepared[key], (property as any).column?.type);
    }
    return values;
  }

  /**
   * The county is never taken from a county clerk's form: it is hers, or the parent's. Parents and
   * same-county references outside her reach are refused on their field.
   */
  private async resolveCounty(em: EntityManager, actor: Actor | null, values: Record<string, any>, before: Record<string, any> | null) {
    const { parent } = this.rules;
    if (parent) {
      const parentId = values[parent.property];
      const row = parentId == null ? null : await em.findOne(parent.entity, { where: { id: Number(parentId) } as any });
      if (!row || !can(actor, 'write', parent.resource, row as any)) {
        throw new ValidationError({ [parent.property]: { type: 'parent', message: '所选记录不存在或无权操作' } });
      }
      values.countyId = (row as any).countyId;
    } else if (this.property('countyId')) {
      const scope = actor && countyScope(actor);
      if (scope != null) values.countyId = before ? before.countyId : scope;
    }
    for (const ref of this.rules.sameCounty ?? []) {
      const refId = values[ref.property];
      if (refId == null) continue;
      const row = await em.findOne(ref.entity, { where: { id: Number(refId) } as any });
      if (!row || (row as any).countyId !== values.countyId) {
        throw new ValidationError({ [ref.property]: { type: 'county', message: ref.message } });
      }
    }
  }

  private async check(
    em: EntityManager,
    values: Record<string, any>,
    formProblems: FieldProblems = {},
    before: Record<string, any> | null = null,
  ): Promise<void> {
    const problems = { ...((await this.rules.validate?.(values, { today: chinaToday(), em, before })) ?? {}), ...formProblems };
    const fields = Object.keys(problems);
    if (fields.length) {
      const errors = Object.fromEntries(fields.map((f) => [f, { type: problems[f].code, message: problems[f].message }]));
      throw new ValidationError(errors, { type: 'VALIDATION', message: '请更正标出的字段后再保存' });
    }
  }

  private async save(em: EntityManager, entity: BaseEntity): Promise<any> {
    try {
      return await em.save(entity);
    } catch (e) {
      throw toValidationError(e, this.table) ?? e;
    }
  }

  private async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.manager.transaction(work);
    } catch (e) {
      if (e instanceof ValidationError || e instanceof ForbiddenError) throw e;
      if (e instanceof FieldErrors) {
        const errors = Object.fromEntries(Object.entries(e.errors).map(([f, p]) => [f, { type: p.code, message: p.message }]));
        throw new ValidationError(errors, { type: e.code, message: '请更正标出的字段后再保存' });
      }
      // a refused business rule (e.g. an archived file): its message on the record
      // (under `base` too: AdminJS's edit and new actions count only property errors as a failure)
      if (e instanceof DomainError) {
        const error = { type: e.code, message: e.message };
        throw new ValidationError({ base: error }, error);
      }
      throw toValidationError(e, this.table) ?? e;
    }
  }
}
