import type { EntityManager } from 'typeorm';

export type AuditAction =
  'create' | 'update' | 'delete' | 'login' | 'login_failed' | 'view_personal' | 'export' | 'download' | string;

export interface AuditEntry {
  actor: { id: number | null; email?: string } | null;
  action: AuditAction;
  resource: string;
  recordId?: string | number | null;
  countyId?: number | null;
  changes?: Record<string, unknown> | null;
  ip?: string | null;
}

/** Appends one row to audit_log through `em`, so it commits or rolls back with the change it records. */
export async function writeAudit(em: Pick<EntityManager, 'query'>, e: AuditEntry): Promise<void> {
  await em.query(
    `INSERT INTO audit_log (user_id, user_email, action, resource, record_id, county_id, changes, ip)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.actor?.id ?? null,
      e.actor?.email ?? null,
      e.action,
      e.resource,
      e.recordId == null ? null : String(e.recordId),
      e.countyId ?? null,
      e.changes ? JSON.stringify(e.changes) : null,
      e.ip ?? null,
    ],
  );
}

/** The fields whose values differ, as { field: { before, after } }; `hidden` fields show only that they changed. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  hidden: readonly string[] = [],
): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updatedAt' || key === 'createdAt') continue;
    const a = normalise(before[key]);
    const b = normalise(after[key]);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[key] = hidden.includes(key)
      ? { before: a == null ? null : '***', after: b == null ? null : '***' }
      : { before: a, after: b };
  }
  return out;
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined || v === '') return null;
  return v;
}
