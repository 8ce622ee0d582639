import type { DataSource } from 'typeorm';
import type { Actor } from '../domain/access-policy.js';
import { DomainError } from '../domain/errors.js';
import { mayCompleteRectification } from '../domain/supervision-permissions.js';
import { completeRectification, type CompletionInput } from '../domain/supervision-rules.js';
import { Inspection } from '../entities/inspection.js';
import { Rectification } from '../entities/rectification.js';
import { diffFields } from './audit.js';
import { saveStep, takeStep } from './record-step.js';

/** 整改完成: the county records the item as done, with the day and the evidence. */
export async function recordRectificationDone(
  ds: DataSource,
  actor: Actor & { email?: string },
  id: number,
  input: CompletionInput,
  today: string,
  expectedVersion?: unknown,
): Promise<Rectification> {
  const refuse = (item: Rectification) =>
    mayCompleteRectification(actor, item.countyId)
      ? null
      : new DomainError('FORBIDDEN', '只能由被检查的县（市、区）登记整改完成');
  return takeStep(ds, { entity: Rectification, id, refuse, expectedVersion }, async (em, item) => {
    const inspection = await em.findOneByOrFail(Inspection, { id: item.inspectionId });
    const done = completeRectification(item, input, { today, inspectedOn: inspection.inspectedOn });
    const before = { ...item };
    Object.assign(item, { status: 'done', doneOn: done.doneOn, evidence: done.evidence, doneById: actor.id });
    return saveStep(em, item, {
      actor,
      action: 'completeRectification',
      resource: 'Rectification',
      changes: (saved) => diffFields(before, { ...saved }),
    });
  });
}
