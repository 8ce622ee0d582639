import type { MigrationBuilder } from 'node-pg-migrate';

// 附件7: one closure statistics table per county and year. Versions follow one another (a returned version
// opens the next one as a draft), so the unique key on (county, year, version) alone let two concurrent
// 新建 both create "version 1"-chains; at most one live version that is not returned may exist.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
CREATE UNIQUE INDEX uq_annual_report_live ON annual_report (county_id, year)
  WHERE voided_at IS NULL AND status <> 'returned';
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`DROP INDEX uq_annual_report_live;`);
}
