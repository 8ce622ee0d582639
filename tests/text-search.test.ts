import { startTestApp, type TestApp } from './support/app.js';
import type { Session } from './support/http.js';

// Chinese names and subjects found by their characters through the gram index (migration
// chinese-text-search), with the same answers as a plain substring search.
let app: TestApp;
let leader: Session;

beforeAll(async () => {
  app = await startTestApp();
  leader = app.session();
  expect(await leader.login('leader@example.org')).toBe(true);
});
afterAll(() => app.close());

/** every case id of a list filter, all pages */
async function listed(filter: string, value: string): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const { status, json } = await leader.api(
      'GET',
      `/resources/PetitionCase/actions/list?perPage=100&page=${page}&filters.${filter}=${encodeURIComponent(value)}`,
    );
    expect(status).toBe(200);
    ids.push(...json.records.map((r: { id: string }) => Number(r.id)));
    if (ids.length >= json.meta.total) return ids.sort((a, b) => a - b);
  }
}

async function substring(column: string, value: string): Promise<number[]> {
  const { rows } = await app.db.query(
    `SELECT id FROM petition_case WHERE strpos(lower(${column}), lower($1)) > 0 AND voided_at IS NULL ORDER BY id`,
    [value],
  );
  return rows.map((r) => r.id);
}

it('finds petitioners by a two-character name, one character, and a full name, as a substring search does', async () => {
  const {
    rows: [{ name }],
  } = await app.db.query(
    `SELECT petitioner_name AS name FROM petition_case WHERE length(petitioner_name) >= 3 AND voided_at IS NULL LIMIT 1`,
  );
  for (const q of [name.slice(1, 3), name.slice(0, 1), name]) {
    const expected = await substring('petitioner_name', q);
    expect(expected.length).toBeGreaterThan(0);
    expect({ q, ids: await listed('petitionerName', q) }).toEqual({ q, ids: expected });
  }
  // a wildcard typed into the box is a character, not "every name"
  expect(await listed('petitionerName', '%')).toEqual([]);
});

it('finds subjects by a word inside them, and takes % and _ literally', async () => {
  const subject = (await app.db.query(`SELECT subject FROM petition_case WHERE length(subject) > 6 LIMIT 1`)).rows[0]
    .subject as string;
  const word = subject.slice(2, 5);
  expect(await listed('subject', word)).toEqual(await substring('subject', word));
  expect(await listed('subject', '%')).toEqual(await substring('subject', '%'));
  expect(await listed('subject', '_')).toEqual(await substring('subject', '_'));
});

it('is answered from the gram indexes, not by reading every case', async () => {
  await app.db.query('SET enable_seqscan = off');
  try {
    for (const [column, index] of [
      ['petitioner_name', 'ix_petition_case_petitioner_name_grams'],
      ['subject', 'ix_petition_case_subject_grams'],
    ]) {
      const { rows } = await app.db.query(
        `EXPLAIN SELECT id FROM petition_case WHERE text_grams(${column}) @> query_grams($1) AND ${column} ILIKE $2`,
        ['秀英', '%秀英%'],
      );
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain(index);
    }
  } finally {
    await app.db.query('RESET enable_seqscan');
  }
});
