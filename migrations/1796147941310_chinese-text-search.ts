import type { MigrationBuilder } from 'node-pg-migrate';

// Searching petitioners' names and subjects in Chinese. pg_trgm needs three characters and, under the
// embedded server's C locale, indexes ASCII only; a Chinese name is usually two characters. So each text is
// indexed by its characters and character pairs (一元、二元切分): a one-character query looks up its
// character, a longer one all its pairs, and LIKE then confirms the order on the few rows found.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE FUNCTION text_grams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
    FROM (SELECT substr(lower(t), i, 1) AS g FROM generate_series(1, length(t)) AS i
          UNION ALL
          SELECT substr(lower(t), i, 2) FROM generate_series(1, length(t) - 1) AS i) AS grams
$$;

-- what a query must find among a text's grams: its one character, or all its character pairs
CREATE FUNCTION query_grams(q text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT CASE WHEN length(q) <= 1 THEN ARRAY[lower(q)]
              ELSE ARRAY(SELECT DISTINCT substr(lower(q), i, 2) FROM generate_series(1, length(q) - 1) AS i) END
$$;

CREATE INDEX ix_petition_case_petitioner_name_grams ON petition_case USING gin (text_grams(petitioner_name));
CREATE INDEX ix_petition_case_subject_grams ON petition_case USING gin (text_grams(subject));
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
DROP INDEX ix_petition_case_subject_grams;
DROP INDEX ix_petition_case_petitioner_name_grams;
DROP FUNCTION query_grams(text);
DROP FUNCTION text_grams(text);
`);
}
