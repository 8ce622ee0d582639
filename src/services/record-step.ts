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
  const saved = await em.save(row);
  const changes = typeof audit.changes === 'function' ? audit.changes(row) : audit.changes;
  await writeAudit(em, { ...audit, changes, recordId: row.id, countyId: row.countyId });
  return saved;
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
