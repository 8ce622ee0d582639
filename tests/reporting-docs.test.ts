import fs from 'node:fs';
import {
  GENERATED_BEGIN,
  GENERATED_END,
  readReportingCatalog,
  renderCatalog,
} from '../src/reports/reporting-catalog.js';
import { connectedTestDatabase } from './support/database.js';

// Analysts and Metabase read only the reporting schema, so its columns are documented —
// in the database (COMMENT ON) and in docs/reporting.md, generated from it.
describe('the reporting schema documentation', () => {
  const db = connectedTestDatabase();

  const catalog = () => readReportingCatalog({ query: async (sql, params) => (await db().query(sql, params)).rows });

  it('has a comment on every view and every column', async () => {
    const missing = (await catalog()).flatMap((rel) => [
      ...(rel.comment ? [] : [`reporting.${rel.name}`]),
      ...rel.columns.filter((c) => !c.comment).map((c) => `reporting.${rel.name}.${c.name}`),
    ]);
    expect(missing).toEqual([]);
  });

  it('is what docs/reporting.md says (else run: npm run reporting:docs -- <database-url>)', async () => {
    const doc = fs.readFileSync(new URL('../docs/reporting.md', import.meta.url), 'utf8');
    const inDoc = doc.slice(doc.indexOf(GENERATED_BEGIN), doc.indexOf(GENERATED_END) + GENERATED_END.length);
    expect(inDoc).toBe(renderCatalog(await catalog()));
  });
});
