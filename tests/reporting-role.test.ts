import pg from 'pg';
import { enableReportingLogin, reportingDatabaseUrl, REPORTING_ROLE } from '../src/reports/reporting-role.js';
import { createTestDatabase } from './support/database.js';

// wpa_reporting, the role Metabase and analysts use, reads the reporting schema and nothing else.
describe('the read-only reporting role', () => {
  let url: string;
  let owner: pg.Client;
  let analyst: pg.Client;
  const password = 'analyst-Pa55word-only-for-tests';

  beforeAll(async () => {
    url = await createTestDatabase({ demo: true });
    owner = new pg.Client({ connectionString: url });
    await owner.connect();
    await enableReportingLogin(owner, password);
    analyst = new pg.Client({ connectionString: reportingDatabaseUrl(url, password) });
    await analyst.connect();
  });

  afterAll(async () => {
    await analyst?.end();
    await owner?.end();
  });

  const refusal = async (sql: string) => {
    try {
      await analyst.query(sql);
      return 'allowed';
    } catch (e) {
      return (e as { code?: string }).code;
    }
  };

  it('logs in as wpa_reporting with the configured password', async () => {
    const { rows } = await analyst.query('SELECT current_user');
    expect(rows[0].current_user).toBe(REPORTING_ROLE);
  });

  it('reads every view of the reporting schema', async () => {
    const { rows: views } = await owner.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'reporting' ORDER BY table_name`,
    );
    expect(views.map((v) => v.table_name)).toEqual(
      expect.arrayContaining(['case_facts', 'county_scorecard', 'county_ranking', 'agent_facts', 'certificate_facts']),
    );
    for (const { table_name } of views) {
      await expect(analyst.query(`SELECT * FROM reporting.${table_name} LIMIT 1`)).resolves.toBeDefined();
    }
    const { rows } = await analyst.query(`SELECT count(*)::int AS n FROM reporting.county_ranking`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('cannot read the program tables behind the views', async () => {
    for (const table of ['petition_case', 'agent', 'admin_user', 'certificate', 'user_session', 'audit_log']) {
      expect([table, await refusal(`SELECT * FROM public.${table} LIMIT 1`)]).toEqual([table, '42501']); // insufficient_privilege
    }
  });

  it('cannot write anything, nor create objects', async () => {
    expect(await refusal(`INSERT INTO reporting.creation_standard VALUES ('x', 1, 'x', 'x', '项', '>=', 1, 'x')`)).toBe(
      '25006',
    ); // read-only transaction
    await analyst.query('SET default_transaction_read_only = off'); // even when the role undoes its read-only default:
    expect(await refusal(`INSERT INTO reporting.creation_standard VALUES ('x', 1, 'x', 'x', '项', '>=', 1, 'x')`)).toBe(
      '42501',
    );
    expect(await refusal(`UPDATE reporting.creation_standard SET target = 0`)).toBe('42501');
    expect(await refusal(`DELETE FROM reporting.enum_label`)).toBe('42501');
    expect(await refusal(`INSERT INTO public.petition_case (case_no) VALUES ('x')`)).toBe('42501');
    expect(await refusal(`UPDATE reporting.county SET county_name = 'x'`)).toBe('42501');
    expect(await refusal(`CREATE TABLE reporting.mine (id int)`)).toBe('42501');
    expect(await refusal(`CREATE TABLE public.mine (id int)`)).toBe('42501');
  });
});
