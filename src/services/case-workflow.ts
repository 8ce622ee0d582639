import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import {
  applyTransition,
  type AgentStanding,
  type CaseEvent,
  type CaseFacts,
  type TransitionContext,
  type TransitionInput,
} from '../domain/case-workflow.js';
import { localDate } from '../domain/dates.js';
import { readRecordId } from '../domain/field-checks.js';
import { DomainError } from '../domain/errors.js';
import { PetitionCase } from '../entities/petition-case.js';
import { diffFields } from './audit.js';
import { saveStep, takeStep } from './record-step.js';
import { nextArchiveNo } from './case-numbering.js';
import { loadCertificates } from './certificate-standing.js';
import { LEGAL_SCHEDULE } from './legal-schedule.js';
import { CASE_STEP_FIELDS } from '../domain/case-step-fields.js';

const FACT_KEYS = ['state', 'countyId', 'agentId', ...CASE_STEP_FIELDS] as const;

/** The workflow's view of a case row (an entity or AdminJS record params). */
export function caseFacts(row: { [K in keyof CaseFacts]?: unknown }): CaseFacts {
  const facts = Object.fromEntries(FACT_KEYS.map((k) => [k, row[k] ?? null])) as Record<string, unknown>;
  for (const k of ['countyId', 'agentId', 'extensionDays'] as const)
    facts[k] = facts[k] == null || facts[k] === '' ? null : Number(facts[k]);
  return facts as unknown as CaseFacts;
}

/** The agent named on the case with her certificates and their yearly reviews (持证上岗). */
async function agentStanding(em: EntityManager, agentId: number | null): Promise<AgentStanding | null> {
  if (agentId == null) return null;
  const [agent] = await em.query('SELECT name, county_id, status FROM agent WHERE id = $1 AND voided_at IS NULL', [
    agentId,
  ]);
  if (!agent) return null;
  const certificates = await loadCertificates(em, { agentIds: [agentId] });
  return {
    name: agent.name,
    countyId: agent.county_id,
    active: agent.status === 'active',
    certificates: certificates.map((c) => ({ certificate: c.cert, reviews: c.reviews })),
  };
}

/** What the case's file holds: the kinds of its documents and the number of handling records. */
export async function caseFileContents(em: EntityManager, caseId: number): Promise<TransitionContext['file']> {
  // a voided paper is not in the file; one statement, read while the case is locked
  const [{ kinds, n }]: { kinds: string[]; n: number }[] = await em.query(
    `SELECT ARRAY(SELECT DISTINCT kind::text FROM case_document WHERE case_id = $1 AND voided_at IS NULL) AS kinds,
            (SELECT count(*)::int FROM case_log WHERE case_id = $1 AND voided_at IS NULL) AS n`,
    [caseId],
  );
  return { documentKinds: kinds, handlingRecordCount: n };
}

/** The agent a step names: the one chosen in its form (if a valid id), else the case's own. */
function chosenAgentId(input: TransitionInput, current: number | null): number | null {
  return readRecordId(input.agentId) ?? current;
}

export interface TransitionCommand {
  caseId: number;
  event: CaseEvent;
  input: TransitionInput;
  actor: (Actor & { email?: string }) | null;
  now: Date;
  /** the case's version the page was loaded with (row_version); a step based on an older one is refused */
  expectedVersion?: unknown;
}

/**
 * Applies one workflow event to a case in one transaction: the case row locked, the domain's checks,
 * the archive number when it is archived, the save and the audit row. Throws DomainError / FieldErrors.
 */
export async function transitionCase(manager: EntityManager, cmd: TransitionCommand): Promise<PetitionCase> {
  const target = {
    entity: PetitionCase,
    id: cmd.caseId,
    missing: '案件不存在或无权访问',
    expectedVersion: cmd.expectedVersion,
    refuse: (row: PetitionCase) =>
      !can(cmd.actor, 'read', 'PetitionCase', row)
        ? new DomainError('NOT_FOUND', '案件不存在或无权访问')
        : !can(cmd.actor, 'write', 'PetitionCase', row)
          ? new DomainError('FORBIDDEN', '无权办理该案件')
          : null,
  };
  return takeStep(manager, target, async (em, row) => {
    const version = row.rowVersion;
    const today = localDate(cmd.now);
    const before = caseFacts(row);
    const { state, changes } = applyTransition(before, cmd.event, cmd.input, {
      today,
      actorRole: cmd.actor!.role,
      agent: cmd.event === 'startRepresenting' ? await agentStanding(em, chosenAgentId(cmd.input, row.agentId)) : null,
      file: await caseFileContents(em, row.id),
      schedule: LEGAL_SCHEDULE,
    });
    const after: CaseFacts = { ...before, ...changes, state };
    // 立案归档: numbered once; a reopened file keeps its number when archived again
    if (cmd.event === 'archive' && !after.archiveNo)
      after.archiveNo = await nextArchiveNo(em, row.countyId, after.archivedOn!);
    Object.assign(row, after);
    await saveStep(em, row, {
      actor: cmd.actor,
      action: cmd.event,
      resource: 'PetitionCase',
      changes: (saved) => ({
        ...diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>),
        rowVersion: { before: version, after: saved.rowVersion },
      }),
    });
    return row;
  });
}
