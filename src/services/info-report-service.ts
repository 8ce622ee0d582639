import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../domain/access-policy.js';
import { DomainError, throwIfAny } from '../domain/errors.js';
import { isBlank, isSet } from '../domain/field-checks.js';
import { assertAdoptable, validateComment } from '../domain/info-report-rules.js';
import { mayJudgeInfoReport } from '../domain/supervision-permissions.js';
import { InfoReport } from '../entities/info-report.js';
import { diffFields } from './audit.js';
import { saveStep, takeStep } from './record-step.js';

type Author = Actor & { email?: string };

async function judged<T>(
  ds: DataSource,
  actor: Author,
  reportId: number,
  work: (em: EntityManager, r: InfoReport) => Promise<T>,
  expectedVersion?: unknown,
) {
  const refuse = () =>
    mayJudgeInfoReport(actor) ? null : new DomainError('FORBIDDEN', '只有市妇联可以点评和采用上报信息');
  return takeStep(ds, { entity: InfoReport, id: reportId, refuse, expectedVersion }, work);
}

async function saveJudged(
  em: EntityManager,
  actor: Author,
  report: InfoReport,
  before: Record<string, unknown>,
  action: string,
) {
  return saveStep(em, report, {
    actor,
    action,
    resource: 'InfoReport',
    changes: (saved) => diffFields(before, { ...saved }),
  });
}

/** 点评: the city's comment; it may also ask for the petitioner's details this report needs. */
export async function commentInfoReport(
  ds: DataSource,
  actor: Author,
  reportId: number,
  input: { cityComment?: string; personalDataRequested?: string | boolean },
  now: Date,
  expectedVersion?: unknown,
): Promise<InfoReport> {
  throwIfAny(validateComment(input));
  return judged(
    ds,
    actor,
    reportId,
    async (em, report) => {
      const before = { ...report };
      report.cityComment = input.cityComment!.trim();
      report.commentedAt = now;
      report.commentedById = actor.id;
      report.personalDataRequested = isSet(input.personalDataRequested as never);
      return saveJudged(em, actor, report, before, 'comment');
    },
    expectedVersion,
  );
}

/** 采用: counted for the county's evaluation (reporting.info_report_adoption). */
export async function adoptInfoReport(
  ds: DataSource,
  actor: Author,
  reportId: number,
  input: { cityComment?: string },
  now: Date,
  expectedVersion?: unknown,
): Promise<InfoReport> {
  return judged(
    ds,
    actor,
    reportId,
    async (em, report) => {
      assertAdoptable(report);
      const before = { ...report };
      report.adopted = true;
      report.adoptedAt = now;
      report.adoptedById = actor.id;
      if (!isBlank(input.cityComment)) {
        report.cityComment = input.cityComment.trim();
        report.commentedAt = now;
        report.commentedById = actor.id;
      }
      return saveJudged(em, actor, report, before, 'adopt');
    },
    expectedVersion,
  );
}
