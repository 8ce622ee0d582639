import type { MigrationBuilder } from 'node-pg-migrate';

// The case lifecycle (一案一卷): an archived file can be reopened by the city with a reason (kept on the
// case besides the audit trail), and an archived case always carries its archive number.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
ALTER TABLE petition_case
  ADD COLUMN reopened_on date,
  ADD COLUMN reopen_reason text,
  ADD CONSTRAINT ck_petition_case_reopen CHECK ((reopened_on IS NULL) = (reopen_reason IS NULL)),
  ADD CONSTRAINT ck_petition_case_archive_no CHECK (state <> 'archived' OR archive_no IS NOT NULL);
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
ALTER TABLE petition_case
  DROP CONSTRAINT ck_petition_case_archive_no,
  DROP CONSTRAINT ck_petition_case_reopen,
  DROP COLUMN reopen_reason,
  DROP COLUMN reopened_on;
`);
}
