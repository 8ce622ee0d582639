import type { MigrationBuilder } from 'node-pg-migrate';

// 附件2 第五条: after the reply the petitioner has 15 days to ask the next level up for a review; the file
// is archived only once that window has closed, or earlier when she declined the review in writing — the
// day she did so is kept on the case.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
ALTER TABLE petition_case ADD COLUMN review_declined_on date;
COMMENT ON COLUMN petition_case.review_declined_on IS '信访人书面放弃复查的日期（协议第五条）';
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`ALTER TABLE petition_case DROP COLUMN review_declined_on;`);
}
