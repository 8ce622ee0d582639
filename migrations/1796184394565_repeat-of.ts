import type { MigrationBuilder } from 'node-pg-migrate';

// 重复信访 marked by the clerk: the case repeats an earlier one of the same woman, which it names (the
// office's 重复件 register keeps the earlier number beside the new one). Found automatically only by an
// ID number; a woman who gave none, or a matter brought by a relative, is marked by hand.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
ALTER TABLE petition_case
  ADD COLUMN repeat_of_id integer,
  ADD CONSTRAINT fk_petition_case_repeat_of FOREIGN KEY (repeat_of_id) REFERENCES petition_case (id),
  ADD CONSTRAINT ck_petition_case_repeat_of CHECK (repeat_of_id <> id);
COMMENT ON COLUMN petition_case.repeat_of_id IS '重复信访：本案重复的前案';
CREATE INDEX ix_petition_case_repeat_of ON petition_case (repeat_of_id) WHERE repeat_of_id IS NOT NULL;
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`ALTER TABLE petition_case DROP COLUMN repeat_of_id;`);
}
