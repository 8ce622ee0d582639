import type { DataSource } from 'typeorm';
import type { Actor } from '../domain/access-policy.js';
import { DomainError } from '../domain/errors.js';
import { assertCurrent } from '../domain/record-version.js';
import { mayCompleteRectification } from '../domain/supervision-permissions.js';
import { completeRectification, type CompletionInput } from '../domain/supervision-rules.js';
import { Inspection } from '../entities/inspection.js';
import { Rectification } from '../entities/rectification.js';
import { diffFields, writeAudit } from './audit.js';

/** 整改完成: the county records the item as done, with the day and the evidence. */
export async function recordRectificationDone(
  ds: DataSource,
  actor: Actor & { email?: string },
  id: number,
  input: CompletionInput,
  today: string,
  expectedVersion?: unknown,
): Promise<Rectification> {
  return ds.transaction(async (em) => {
    const item = await em.findOne(Rectification, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!item || !mayCompleteRectification(actor, item.countyId))
      throw new DomainError('FORBIDDEN', '只能由被检查的县（市、区）登记整改完成');
    assertCurrent(item, expectedVersion);
    const inspection = await em.findOneByOrFail(Inspection, { id: item.inspectionId });
    const done = completeRectification(item, input, { today, inspectedOn: inspection.inspectedOn });
    const before = { ...item };
    Object.assign(item, { status: 'done', doneOn: done.doneOn, evidence: done.evidence, doneById: actor.id });
    await em.save(item);
    await writeAudit(em, {
      actor,
      action: 'completeRectification',
      resource: 'Rectification',
      recordId: id,
      countyId: item.countyId,
      changes: diffFields(before, { ...item }),
    });
    return item;
  });
}
