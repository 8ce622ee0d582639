import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import type { Actor } from '../domain/access-policy.js';
import { DomainError } from '../domain/errors.js';
import { assertCurrent } from '../domain/record-version.js';
import { diffFields, writeAudit } from './audit.js';

// Every step on one record (a case's workflow event, a certificate's 审核发放, a report's 上报, the city's
// 考评, 点评, 整改 …) has one shape: the record locked, the step permitted, the record neither voided nor
// changed since the page was loaded, the rule, then the save and its audit row, all in one transaction.

interface StepRecord {
  id: number;
  rowVersion: number;
  voidedAt?: Date | null;
}

export interface StepTarget<E extends StepRecord> {
  entity: EntityTarget<E>;
  id: number;
  /** The refusal when this actor may not take the step on this record (or it is in no state for it). */
  refuse: (row: E) => DomainError | null | undefined;
  /** The version the page was loaded with (row_version): a step based on an older one is refused. */
  expectedVersion?: unknown;
  /** What a missing record is called; a missing record is always NOT_FOUND. */
  missing?: string;
}

/**
 * The column values a step's record had when it was read under lock: its save writes what the step changed
 * without reading the row again (it cannot have changed since: the lock is held to the end of the step).
 */
const asLocked = new WeakMap<object, Map<string, unknown>>();

const columnsOf = (em: EntityManager, row: object) => em.connection.getMetadata(row.constructor).columns;

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b ||
  (a instanceof Date && b instanceof Date
    ? a.getTime() === b.getTime()
    : a !== null && b !== null && typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b));

/**
 * A step as a service exports it to the admin actions: by whom on which record, then the step's own arguments
 * (its input, the time, the version the page was loaded with), all in its one transaction.
 */
export type RecordStep<A extends Actor, Args extends unknown[], T> = (
  ds: DataSource,
  actor: A,
  id: number,
  ...args: Args
) => Promise<T>;

/** The record under lock (pessimistic_write), the step permitted, not voided and not changed since. */
export async function lockForStep<E extends StepRecord>(em: EntityManager, target: StepTarget<E>): Promise<E> {
  const row = await em.findOne(target.entity, {
    where: { id: target.id } as FindOptionsWhere<E>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw new DomainError('NOT_FOUND', target.missing);
  asLocked.set(row, new Map(columnsOf(em, row).map((c) => [c.propertyName, c.getEntityValue(row)])));
  const refusal = target.refuse(row);
  if (refusal) throw refusal;
  assertCurrent(row, target.expectedVersion);
  return row;
}

/** One step in its own transaction: the record locked and checked (lockForStep), then `work` on it. */
export function takeStep<E extends StepRecord, T>(
  ds: DataSource | EntityManager,
  target: StepTarget<E>,
  work: (em: EntityManager, row: E) => Promise<T>,
): Promise<T> {
  return ds.transaction(async (em) => work(em, await lockForStep(em, target)));
}

/** The step's record saved and its audit row written, in the step's transaction. */
export async function saveStep<E extends { id: number; countyId: number | null }>(
  em: EntityManager,
  row: E,
  audit: {
    actor: (Actor & { email?: string }) | null;
    action: string;
    resource: string;
    /** what changed; a function when it names what the save itself sets (the new row version) */
    changes: Record<string, unknown> | ((saved: E) => Record<string, unknown>);
  },
): Promise<E> {
  const saved = await saveChanged(em, row);
  const changes = typeof audit.changes === 'function' ? audit.changes(row) : audit.changes;
  await writeAudit(em, { ...audit, changes, recordId: row.id, countyId: row.countyId });
  return saved;
}

/**
 * The record saved: a row read under lock by lockForStep gets one UPDATE of the columns the step changed
 * (its row_version and updated_at moved by TypeORM and read back into it); any other row goes through
 * TypeORM's save, which reads the row again to compare.
 */
async function saveChanged<E extends object>(em: EntityManager, row: E): Promise<E> {
  const locked = asLocked.get(row);
  if (!locked) return em.save(row);
  const changed = Object.fromEntries(
    columnsOf(em, row)
      .filter((c) => !(c.isPrimary || c.isVersion || c.isUpdateDate || c.isCreateDate))
      .map((c) => [c.propertyName, c.getEntityValue(row)] as const)
      .filter(([property, value]) => !sameValue(value, locked.get(property))),
  );
  if (!Object.keys(changed).length) return row;
  await em.createQueryBuilder().update(row.constructor).set(changed).whereEntity(row).execute();
  asLocked.delete(row);
  return row;
}

/**
 * The step's change applied to its record and saved (saveStep), the audit naming each field it changed;
 * `amend` rewrites or adds to those changes where the step's audit says more or less.
 */
export function saveChange<E extends { id: number; countyId: number | null }>(
  em: EntityManager,
  row: E,
  change: Partial<E>,
  audit: {
    actor: (Actor & { email?: string }) | null;
    action: string;
    resource: string;
    amend?: (changes: Record<string, unknown>, saved: E) => Record<string, unknown>;
  },
): Promise<E> {
  const before = { ...row } as Record<string, unknown>;
  Object.assign(row, change);
  const { amend = (changes) => changes, ...rest } = audit;
  return saveStep(em, row, { ...rest, changes: (saved) => amend(diffFields(before, { ...saved }), saved) });
}
