import type { EntityManager } from 'typeorm';
import {
  certificateStanding,
  certificateValidUntil,
  reviewDueOn,
  reviewUrgency,
  STANDING_LABELS,
  type CertificateDates,
  type ReviewDates,
  type ReviewUrgency,
  type StandingCode,
} from '../domain/certificate-validity.js';

type Query = Pick<EntityManager, 'query'>;

export interface LoadedCertificate {
  id: number;
  agentId: number;
  number: string;
  cert: CertificateDates;
  reviews: ReviewDates[];
}

/** Certificates with their reviews, as the validity rule reads them, selected by certificate or by agent. */
export async function loadCertificates(
  em: Query,
  by: { certificateIds: number[] } | { agentIds: number[] },
): Promise<LoadedCertificate[]> {
  const [column, ids] = 'certificateIds' in by ? ['c.id', by.certificateIds] : ['c.agent_id', by.agentIds];
  if (!ids.length) return [];
  const rows: {
    id: number;
    agent_id: number;
    number: string;
    status: CertificateDates['status'];
    issued_on: string | null;
    revoked_on: string | null;
    reviews: ReviewDates[];
  }[] = await em.query(
    `SELECT c.id, c.agent_id, c.number, c.status, c.issued_on::text AS issued_on, c.revoked_on::text AS revoked_on,
            COALESCE(json_agg(json_build_object('reviewedOn', r.reviewed_on::text, 'result', r.result))
                     FILTER (WHERE r.id IS NOT NULL), '[]') AS reviews
       FROM certificate c LEFT JOIN certificate_review r ON r.certificate_id = c.id AND r.voided_at IS NULL
      WHERE ${column} = ANY($1::int[])${'agentIds' in by ? ' AND c.voided_at IS NULL' : ''}
      GROUP BY c.id`,
    [ids.map(Number)],
  );
  return rows.map((r) => ({
    id: r.id,
    agentId: r.agent_id,
    number: r.number,
    cert: { status: r.status, issuedOn: r.issued_on, revokedOn: r.revoked_on },
    reviews: r.reviews,
  }));
}

export interface Standing {
  code: StandingCode;
  label: string;
  validUntil: string | null;
  reviewDueOn: string | null;
  urgency: ReviewUrgency;
}

export function standingOf(c: Pick<LoadedCertificate, 'cert' | 'reviews'>, day: string): Standing {
  const code = certificateStanding(c.cert, c.reviews, day);
  const due = reviewDueOn(c.cert, c.reviews, day);
  return {
    code,
    label: STANDING_LABELS[code],
    validUntil: certificateValidUntil(c.cert, c.reviews, day),
    reviewDueOn: due,
    urgency: reviewUrgency(due, day),
  };
}

/** certificate id → where it stands on `day`. */
export async function standingsOf(em: Query, certificateIds: number[], day: string): Promise<Map<number, Standing>> {
  const loaded = await loadCertificates(em, { certificateIds });
  return new Map(loaded.map((c) => [c.id, standingOf(c, day)]));
}
