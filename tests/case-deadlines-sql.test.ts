import pg from 'pg';
import { openDeadlines } from '../src/domain/case-deadlines.js';
import { actionableDueSql } from '../src/services/case-deadline-query.js';
import { caseFacts } from '../src/services/case-workflow.js';
import { createTestDatabase } from './support/database.js';

// The list filters compute the office's next due day in SQL; it must be the domain's, case for case.
describe('the deadline SQL against the domain', () => {
  let db: pg.Client;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: await createTestDatabase({ demo: true }) });
    await db.connect();
  });
  afterAll(() => db.end());

  it('gives every demo case the due day of its earliest actionable deadline', async () => {
    // a review awaiting its answer, which the demo data happens not to have
    await db.query(
      `UPDATE petition_case SET review_requested_on = reply_issued_on + 3, review_department = '平顶山市信访局'
        WHERE id = (SELECT id FROM petition_case WHERE state = 'concluded' AND reply_issued_on IS NOT NULL AND review_requested_on IS NULL LIMIT 1)`,
    );
    const d = (col: string) =>
      `to_char(c.${col}, 'YYYY-MM-DD') AS "${col.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase())}"`;
    const { rows } = await db.query(
      `SELECT c.id, c.state::text, c.county_id AS "countyId", c.extension_days AS "extensionDays",
              ${['accepted_on', 'acceptance_notified_on', 'concluded_on', 'reply_issued_on', 'review_requested_on', 'review_answered_on'].map(d).join(', ')},
              to_char(${actionableDueSql('c')}, 'YYYY-MM-DD') AS sql_due
         FROM petition_case c`,
    );
    expect(rows.length).toBeGreaterThan(1000);
    const differing = rows.filter(
      (r) => (openDeadlines(caseFacts(r)).find((x) => x.actionable)?.due ?? null) !== r.sql_due,
    );
    expect(differing.map((r) => r.id)).toEqual([]);
    // every kind of actionable deadline occurs in the demo data
    const kinds = new Set(
      rows.flatMap((r) =>
        openDeadlines(caseFacts(r))
          .filter((x) => x.actionable)
          .map((x) => x.kind),
      ),
    );
    expect([...kinds].sort()).toEqual(['acceptanceNotice', 'handling', 'reply', 'reviewAnswer']);
  });
});
