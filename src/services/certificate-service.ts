import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../domain/access-policy.js';
import {
  issue,
  produceRefusal,
  productionDate,
  review,
  revoke,
  type CertificateState,
  type ReviewInput,
} from '../domain/certificate-lifecycle.js';
import { nextCertificateNumbers } from '../domain/certificate-number.js';
import { mayTakeCertificateStep, STEP_FORBIDDEN, type CertificateStep } from '../domain/certificate-permissions.js';
import { DomainError } from '../domain/errors.js';
import { Agent } from '../entities/agent.js';
import { CertificateReview } from '../entities/certificate-review.js';
import { Certificate } from '../entities/certificate.js';
import { writeAudit } from './audit.js';
import { saveChange, takeStep, type RecordStep } from './record-step.js';

type SignedIn = Actor & { email?: string };

export class CertificateForbidden extends DomainError {
  constructor(step: CertificateStep) {
    super('FORBIDDEN', STEP_FORBIDDEN[step]);
  }
}

export interface ProduceResult {
  produced: { agentId: number; certificateId: number; number: string }[];
  skipped: { agentId: number; name: string; reason: string }[];
}

/** 制作: the city produces one certificate for each selected agent who can have one; the others are reported. */
export async function produceCertificates(
  ds: DataSource,
  actor: SignedIn,
  agentIds: number[],
  producedOn: string | null | undefined,
  today: string,
): Promise<ProduceResult> {
  if (!mayTakeCertificateStep(actor, 'produce')) throw new CertificateForbidden('produce');
  const day = productionDate(producedOn, today);
  return ds.transaction(async (em) => {
    // numbers are handed out one batch at a time
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('certificate_number'))`);
    const agents = await em.getRepository(Agent).findBy(agentIds.map((id) => ({ id })));
    const held: { agent_id: number; status: Certificate['status'] }[] = agentIds.length
      ? await em.query(
          `SELECT agent_id, status FROM certificate WHERE agent_id = ANY($1::int[]) AND voided_at IS NULL`,
          [agentIds],
        )
      : [];
    const result: ProduceResult = { produced: [], skipped: [] };
    const eligible: Agent[] = [];
    for (const agent of agents.sort((a, b) => a.id - b.id)) {
      const reason = agent.voidedAt
        ? '代理员记录已作废'
        : produceRefusal(
            agent,
            held.filter((h) => h.agent_id === agent.id).map((h) => h.status),
          );
      if (reason) result.skipped.push({ agentId: agent.id, name: agent.name, reason });
      else eligible.push(agent);
    }
    const year = Number(day.slice(0, 4));
    const used: { number: string }[] = await em.query(`SELECT number FROM certificate WHERE number LIKE $1`, [
      `%-${year}-%`,
    ]);
    const numbers = nextCertificateNumbers(
      year,
      used.map((u) => u.number),
      eligible.length,
    );
    for (const [i, agent] of eligible.entries()) {
      const saved = await em.save(
        em.create(Certificate, {
          agentId: agent.id,
          countyId: agent.countyId,
          number: numbers[i],
          status: 'produced',
          producedOn: day,
        }),
      );
      await writeAudit(em, {
        actor,
        action: 'produceCertificate',
        resource: 'Certificate',
        recordId: saved.id,
        countyId: agent.countyId,
        changes: { agentId: agent.id, number: saved.number, status: 'produced', producedOn: saved.producedOn },
      });
      result.produced.push({ agentId: agent.id, certificateId: saved.id, number: saved.number });
    }
    return result;
  });
}

async function saveCertificate(
  em: EntityManager,
  actor: SignedIn,
  cert: Certificate,
  change: Partial<Certificate>,
  action: string,
  extra: Record<string, unknown> = {},
) {
  await saveChange(em, cert, change, {
    actor,
    action,
    resource: 'Certificate',
    amend: (changes) => ({ ...changes, ...extra }),
  });
  return cert;
}

const state = (cert: Certificate): CertificateState => ({
  status: cert.status,
  producedOn: cert.producedOn,
  issuedOn: cert.issuedOn,
  revokedOn: cert.revokedOn,
});

/**
 * 审核发放, 一年一审核 and 吊销 are each one step on one certificate, called alike
 * (ds, actor, certificateId, input, today, expectedVersion): the certificate locked, the step permitted
 * for this actor and county, then the step's rule and save.
 */
function certificateStep<I>(
  step: Exclude<CertificateStep, 'produce'>,
  rule: (em: EntityManager, actor: SignedIn, cert: Certificate, input: I, today: string) => Promise<Certificate>,
): RecordStep<SignedIn, [input: I, today: string, expectedVersion?: unknown], Certificate> {
  return (ds, actor, certificateId, input, today, expectedVersion) => {
    const refuse = (cert: Certificate) =>
      mayTakeCertificateStep(actor, step, cert.countyId) ? null : new CertificateForbidden(step);
    const target = { entity: Certificate, id: certificateId, missing: '证书不存在', refuse, expectedVersion };
    return takeStep(ds, target, (em, cert) => rule(em, actor, cert, input, today));
  };
}

/** 审核发放 by the county (or the city). */
export const issueCertificate = certificateStep(
  'issue',
  (em, actor, cert, input: { issuedOn?: string | null }, today) =>
    saveCertificate(em, actor, cert, issue(state(cert), input, today), 'issueCertificate'),
);

/** 一年一审核: records the review and moves the certificate to issued (pass) or suspended (fail). */
export const reviewCertificate = certificateStep('review', async (em, actor, cert, input: ReviewInput, today) => {
  const outcome = review(state(cert), input, today);
  const saved = await em.save(
    em.create(CertificateReview, { certificateId: cert.id, countyId: cert.countyId, ...outcome.review }),
  );
  return saveCertificate(em, actor, cert, { status: outcome.status }, 'reviewCertificate', {
    review: { id: saved.id, ...outcome.review },
  });
});

/** 吊销 by the city, with the reason. */
export const revokeCertificate = certificateStep(
  'revoke',
  (em, actor, cert, input: { revokedOn?: string | null; reason?: string | null }, today) =>
    saveCertificate(em, actor, cert, revoke(state(cert), input, today), 'revokeCertificate'),
);
