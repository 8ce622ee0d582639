import type { MigrationBuilder } from 'node-pg-migrate';

// 重复信访: a petition office watches first whether a woman has come before. Her earlier cases are found
// by her ID number, on the new form and by the list's 重复信访 filter, without scanning every case.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE INDEX ix_petition_case_petitioner_id ON petition_case (petitioner_id_number, accepted_on, id)
  WHERE voided_at IS NULL AND petitioner_id_number IS NOT NULL;
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`DROP INDEX ix_petition_case_petitioner_id;`);
}
