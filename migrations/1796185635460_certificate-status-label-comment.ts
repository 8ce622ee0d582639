import type { MigrationBuilder } from 'node-pg-migrate';

// 创建标准 三: a certificate the city has produced waits for the county to review and issue it, and a failed
// yearly review suspends its use. reporting.certificate_facts.status_label prints the labels the admin shows
// (src/domain/vocabulary.ts, copied into reporting.enum_label); its column comment names them as they are.
export async function up(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
COMMENT ON COLUMN reporting.certificate_facts.status_label IS '证书状态：已制作待发放、已发放、暂停使用、已吊销 / status in Chinese';
`);
}

export async function down(pgm: MigrationBuilder): Promise<void> {
  pgm.sql(`
COMMENT ON COLUMN reporting.certificate_facts.status_label IS '证书状态：已制作、已发放、暂停、已吊销 / status in Chinese';
`);
}
