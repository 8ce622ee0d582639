import type { CreationStandard } from '../domain/creation-standards.js';

/** Anything that runs a parameterised query: a pg client or pool, or a TypeORM DataSource. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Makes reporting.creation_standard equal to the policy (src/domain/creation-standards.ts) and
 * reporting.enum_label equal to the Chinese labels, so the warehouse, Metabase and the built-in
 * dashboards judge and name things as the app does. Idempotent; runs at every start.
 */
export async function syncReportingLookups(
  db: Queryable,
  lookups: { standards: readonly CreationStandard[]; enumLabels: Record<string, Record<string, string>> },
): Promise<void> {
  const standards = lookups.standards.map((s, i) => ({ ...s, sort_order: i + 1 }));
  const labels = Object.entries(lookups.enumLabels).flatMap(([type, values]) =>
    Object.entries(values).map(([value, label]) => ({ enum_type: type, value, label })),
  );
  await db.query(
    `WITH policy AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS p(code text, sort_order int, section text, name text, unit text, comparison text, target numeric, description text)
     ), gone AS (
       DELETE FROM reporting.creation_standard s WHERE NOT EXISTS (SELECT 1 FROM policy p WHERE p.code = s.code)
     )
     INSERT INTO reporting.creation_standard (code, sort_order, section, name, unit, comparison, target, description)
     SELECT code, sort_order, section, name, unit, comparison, target, description FROM policy
     ON CONFLICT (code) DO UPDATE SET sort_order = EXCLUDED.sort_order, section = EXCLUDED.section, name = EXCLUDED.name,
       unit = EXCLUDED.unit, comparison = EXCLUDED.comparison, target = EXCLUDED.target, description = EXCLUDED.description`,
    [JSON.stringify(standards)],
  );
  await db.query(
    `INSERT INTO reporting.enum_label (enum_type, value, label)
     SELECT enum_type, value, label FROM jsonb_to_recordset($1::jsonb) AS l(enum_type text, value text, label text)
     ON CONFLICT (enum_type, value) DO UPDATE SET label = EXCLUDED.label`,
    [JSON.stringify(labels)],
  );
}
