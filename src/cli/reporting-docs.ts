import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readReportingCatalog, renderCatalog, replaceGenerated } from '../reports/reporting-catalog.js';
import { runCli } from './run-cli.js';

// npm run reporting:docs [database-url] — rewrites the column reference of docs/reporting.md from the
// COMMENT ON text of a migrated database (default DATABASE_URL).
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/reporting.md');

async function main(): Promise<void> {
  const url = process.argv[2] || process.env.DATABASE_URL;
  if (!url) throw new Error('usage: npm run reporting:docs -- postgres://…/database  (or set DATABASE_URL)');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const generated = renderCatalog(
      await readReportingCatalog({ query: async (sql, params) => (await client.query(sql, params)).rows }),
    );
    fs.writeFileSync(DOC, replaceGenerated(fs.readFileSync(DOC, 'utf8'), generated));
    console.log(`已更新 ${path.relative(process.cwd(), DOC)}`);
  } finally {
    await client.end();
  }
}

runCli(main);
