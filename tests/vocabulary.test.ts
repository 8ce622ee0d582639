import { COMPARISONS } from '../src/domain/creation-standards.js';
import { STORED_DAY_KINDS } from '../src/domain/legal-calendar.js';
import { ENUM_LABELS, RATINGS } from '../src/domain/vocabulary.js';
import { connectedTestDatabase } from './support/database.js';

// The domain writes each stored value list once (src/domain/vocabulary.ts); the migrations write it again in
// SQL, as enum types and CHECK constraints. A value added on one side only is refused by the database, or never
// labelled: every list of the migrated schema must equal the domain's, in order.

/** The domain's list for each enum type of the schema. */
const DOMAIN_ENUMS: Record<string, readonly string[]> = {
  ...Object.fromEntries(Object.entries(ENUM_LABELS).map(([type, labels]) => [type, Object.keys(labels)])),
  case_rating_value: RATINGS,
};

/** The domain's list for each CHECK constraint that keeps a column to a list of values (table.column). */
const DOMAIN_CHECKS: Record<string, readonly string[]> = {
  'reporting.creation_standard.comparison': COMPARISONS,
  'reporting.legal_calendar.kind': Object.values(STORED_DAY_KINDS),
};

describe('the stored value lists against the migrated schema', () => {
  const db = connectedTestDatabase();

  it('has each enum type of the database in the domain, with the same values in the same order', async () => {
    const { rows } = await db().query<{ type: string; values: string[] }>(
      `SELECT t.typname AS type, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        GROUP BY t.typname`,
    );
    const database = Object.fromEntries(rows.map((r) => [r.type, r.values]));
    expect(Object.keys(database).sort()).toEqual(Object.keys(DOMAIN_ENUMS).sort());
    for (const [type, values] of Object.entries(DOMAIN_ENUMS)) expect([type, database[type]]).toEqual([type, values]);
  });

  it('has each CHECK list of values in the domain, with the same values', async () => {
    // PostgreSQL keeps `col IN ('a', 'b')` as `col = ANY (ARRAY['a'::text, 'b'::text])`
    const { rows } = await db().query<{ table: string; definition: string }>(
      `SELECT n.nspname || '.' || c.relname AS table, pg_get_constraintdef(k.oid) AS definition
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'c'`,
    );
    const database: Record<string, string[]> = {};
    for (const r of rows) {
      // a constraint that is a list of values and nothing else (not a rule that names a few values)
      const found = /^CHECK \(+(\w+)\)?(?:::text)? = ANY \(+ARRAY\[([^\]]*)\]\)*(?:::text\[\])?\)+$/.exec(r.definition);
      if (found) database[`${r.table}.${found[1]}`] = [...found[2].matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]);
    }
    expect(Object.keys(database).sort()).toEqual(Object.keys(DOMAIN_CHECKS).sort());
    for (const [column, values] of Object.entries(DOMAIN_CHECKS)) {
      expect([column, database[column]]).toEqual([column, [...values]]);
    }
  });
});
