import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../domain/access-policy.js';
import { DomainError, throwIfAny } from '../domain/errors.js';
import { assertCurrent } from '../domain/record-version.js';
import { isBlank, isSet } from '../domain/field-checks.js';
import { assertAdoptable, validateComment } from '../domain/info-report-rules.js';
import { mayJudgeInfoReport } from '../domain/supervision-permissions.js';
import { InfoReport } from '../entities/info-report.js';
import { diffFields, writeAudit } from './audit.js';

type Author = Actor & { email?: string };

async function judged<T>(
  ds: DataSource,
  actor: Author,
  reportId: number,
  work: (em: EntityManager, r: InfoReport) => Promise<T>,
  expectedVersion?: unknown,
) {
  return ds.transaction(async (em) => {
    const report = await em.findOne(InfoReport, { where: { id: reportId }, lock: { mode: 'pessimistic_write' } });
    if (!report || !mayJudgeInfoReport(actor)) throw new DomainError('FORBIDDEN', '只有市妇联可以点评和采用上报信息');
    assertCurrent(report, expectedVersion);
    return work(em, report);
  });
}

async function saveJudged(
  em: EntityManager,
  actor: Author,
  report: InfoReport,
  before: Record<string, unknown>,
  action: string,
) {
  await em.save(report);
  await writeAudit(em, {
    actor,
    action,
    resource: 'InfoReport',
    recordId: report.id,
    countyId: report.countyId,
    changes: diffFields(before, { ...report }),
  });
  return report;
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
