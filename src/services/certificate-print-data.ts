import type { EntityManager } from 'typeorm';
import { certificateValidUntil } from '../domain/certificate-validity.js';
import type { Gender } from '../domain/vocabulary.js';
import { loadCertificates } from './certificate-standing.js';

export interface CertificatePrintData {
  id: number;
  countyId: number;
  number: string;
  status: string;
  holder: { name: string; gender: Gender; idNumber: string; employer: string | null };
  countyName: string;
  townshipName: string;
  villageName: string | null;
  producedOn: string;
  issuedOn: string | null;
  validUntil: string | null;
  reviews: { reviewedOn: string; result: 'passed' | 'failed'; reviewer: string | null }[];
}

/** What the printed certificate shows; null when there is no such certificate. */
export async function certificatePrintData(
  em: Pick<EntityManager, 'query'>,
  certificateId: number,
  today: string,
): Promise<CertificatePrintData | null> {
  const [row] = await em.query(
    `SELECT c.id, c.county_id, c.number, c.status, c.produced_on::text AS produced_on, c.issued_on::text AS issued_on,
            a.name, a.gender, a.id_number, a.employer, co.name AS county_name, t.name AS township_name, v.name AS village_name
       FROM certificate c
       JOIN agent a ON a.id = c.agent_id
       JOIN organization co ON co.id = c.county_id
       JOIN organization t ON t.id = a.township_id
       LEFT JOIN organization v ON v.id = a.village_id
      WHERE c.id = $1`,
    [certificateId],
  );
  if (!row) return null;
  const reviews: { reviewed_on: string; result: 'passed' | 'failed'; reviewer: string | null }[] = await em.query(
    `SELECT reviewed_on::text AS reviewed_on, result, reviewer FROM certificate_review WHERE certificate_id = $1 ORDER BY reviewed_on`,
    [certificateId],
  );
  const [loaded] = await loadCertificates(em, { certificateIds: [certificateId] });
  return {
    id: row.id,
    countyId: row.county_id,
    number: row.number,
    status: row.status,
    holder: { name: row.name, gender: row.gender, idNumber: row.id_number, employer: row.employer },
    countyName: row.county_name,
    townshipName: row.township_name,
    villageName: row.village_name,
    producedOn: row.produced_on,
    issuedOn: row.issued_on,
    validUntil: certificateValidUntil(loaded.cert, loaded.reviews, today),
    reviews: reviews.map((r) => ({ reviewedOn: r.reviewed_on, result: r.result, reviewer: r.reviewer })),
  };
}
