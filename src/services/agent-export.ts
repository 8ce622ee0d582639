import type { EntityManager } from 'typeorm';
import type { Role } from '../domain/access-policy.js';
import { personalValue } from '../domain/personal-data.js';
import { enumLabel } from '../domain/vocabulary.js';
import columns from './agent-export.columns.json' with { type: 'json' };
import { buildSheet, columnsOf, type ColumnTable, type RowOf } from './agent-workbook.js';
import { loadCertificates, standingOf } from './certificate-standing.js';

// the import columns first, so an exported list can be edited and imported elsewhere
const COLUMNS = columns satisfies ColumnTable;
type ExportRow = RowOf<typeof COLUMNS>;

/** An agent as the export reads her, with her place and the year's training hours. */
interface AgentRow {
  id: number;
  name: string;
  gender: string;
  id_number: string | null;
  phone: string | null;
  employer: string | null;
  appointed_on: string;
  status: string;
  county: string;
  township: string;
  village: string | null;
  hours: number;
}

/**
 * The agents `agentIds` (already access-filtered, in list order) as an .xlsx; ID numbers and phones as
 * PERSONAL_DATA lets `viewer` read them on an agent's page (an export is audited like a full view).
 */
export async function buildAgentExport(
  em: Pick<EntityManager, 'query'>,
  agentIds: number[],
  opts: { today: string; viewer: Role },
): Promise<Buffer> {
  const rows: AgentRow[] = agentIds.length
    ? await em.query(
        `SELECT a.id, a.name, a.gender, a.id_number, a.phone, a.employer, a.appointed_on::text AS appointed_on, a.status,
                co.name AS county, t.name AS township, v.name AS village,
                COALESCE(h.hours, 0)::float AS hours
           FROM agent a
           JOIN organization co ON co.id = a.county_id
           JOIN organization t ON t.id = a.township_id
           LEFT JOIN organization v ON v.id = a.village_id
           LEFT JOIN reporting.agent_training_hours h ON h.agent_id = a.id AND h.year = $2
          WHERE a.id = ANY($1::int[])`,
        [agentIds, Number(opts.today.slice(0, 4))],
      )
    : [];
  const certificates = await loadCertificates(em, { agentIds });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: ExportRow[] = [];
  for (const id of agentIds) {
    const r = byId.get(id);
    if (!r) continue;
    // the certificate that counts: the newest one not revoked, else the newest
    const held = certificates.filter((c) => c.agentId === id).sort((a, b) => b.id - a.id);
    const current = held.find((c) => c.cert.status !== 'revoked') ?? held[0];
    const standing = current ? standingOf(current, opts.today) : null;
    out.push({
      county: r.county,
      township: r.township,
      village: r.village,
      name: r.name,
      gender: enumLabel('gender', r.gender),
      idNumber: personalValue('agent', 'idNumber', opts.viewer, 'record', r.id_number) ?? '',
      phone: personalValue('agent', 'phone', opts.viewer, 'record', r.phone) ?? '',
      employer: r.employer,
      appointedOn: r.appointed_on,
      status: enumLabel('agent_status', r.status),
      certificate: current?.number ?? '',
      standing: standing?.label ?? '无证书',
      validUntil: standing?.validUntil ?? '',
      trainingHours: r.hours,
    });
  }
  return buildSheet('代理员名单', columnsOf(COLUMNS), out);
}
