import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cityFigure } from '../src/domain/city-figures.js';
import { CREATION_STANDARDS, type StandardCode } from '../src/domain/creation-standards.js';
import { MetabaseClient, MetabaseError } from '../src/reports/metabase/metabase-client.js';
import { provisionMetabase } from '../src/reports/metabase/metabase-provision.js';
import { DASHBOARDS } from '../src/reports/metabase/metabase-questions.js';
import { ENUM_LABELS } from '../src/admin/locale/enums.js';
import { syncReportingLookups } from '../src/reports/reporting-lookups.js';
import { connectedTestDatabase } from './support/database.js';

// Metabase cannot run here (no Docker, no download), so this local HTTP server stands in for it. It
// follows the request and response shapes of Metabase's documented REST API
// (https://www.metabase.com/docs/latest/api): POST /api/session → { id }, every other call needs the
// X-Metabase-Session header; GET /api/database wraps its list as { data, total }; GET /api/collection
// includes the root collection (id "root"); POST returns the object with its new id; PUT
// /api/dashboard/:id replaces the dashcards, giving new (negative-id) cards positive ids.

interface Recorded {
  method: string;
  path: string;
  body: any;
}

function fakeMetabase() {
  const requests: Recorded[] = [];
  const store: Record<'database' | 'collection' | 'card' | 'dashboard', any[]> = {
    database: [{ id: 1, name: 'Sample Database', engine: 'h2' }],
    collection: [{ id: 'root', name: 'Our analytics' }],
    card: [],
    dashboard: [],
  };
  const settings: Record<string, unknown> = {};
  let nextId = 100;
  const SESSION = '4ba3cd8e-6f7c-4d5d-9a4b-1a2b3c4d5e6f';

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : undefined;
      const url = new URL(req.url!, 'http://x');
      requests.push({ method: req.method!, path: url.pathname + url.search, body });
      const send = (status: number, json?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(json === undefined ? '' : JSON.stringify(json));
      };
      if (req.method === 'POST' && url.pathname === '/api/session') {
        return body?.username === 'admin@example.org' && body?.password === 'mb-admin-pass'
          ? send(200, { id: SESSION })
          : send(401, { errors: { password: 'did not match stored password' } });
      }
      if (req.headers['x-metabase-session'] !== SESSION) return send(401, 'Unauthenticated');

      const m = /^\/api\/(setting|database|collection|card|dashboard)(?:\/([\w-]+))?$/.exec(url.pathname);
      if (!m) return send(404, 'API endpoint does not exist.');
      const [, kind, id] = m;
      if (kind === 'setting') {
        settings[id!] = body.value;
        return send(204);
      }
      const list = store[kind as keyof typeof store];
      if (req.method === 'GET' && !id)
        return send(200, kind === 'database' ? { data: list, total: list.length } : list);
      const found = list.find((x) => String(x.id) === id);
      if (req.method === 'GET') return found ? send(200, found) : send(404, 'Not found.');
      if (req.method === 'POST' && !id) {
        const created = { ...body, id: nextId++, archived: false, ...(kind === 'dashboard' ? { dashcards: [] } : {}) };
        list.push(created);
        return send(200, created);
      }
      if (req.method === 'PUT' && found) {
        Object.assign(found, body);
        if (kind === 'dashboard' && body.dashcards) {
          found.dashcards = body.dashcards.map((d: any) => ({ ...d, id: d.id < 0 ? nextId++ : d.id }));
        }
        return send(200, found);
      }
      return send(400, 'bad request');
    });
  });
  return { server, requests, store, settings };
}

describe('npm run metabase:provision against a stand-in for Metabase', () => {
  const fake = fakeMetabase();
  let client: MetabaseClient;
  const SECRET = 'b'.repeat(64);
  const connection = {
    host: 'postgres',
    port: 5432,
    dbname: 'wpa',
    user: 'wpa_reporting',
    password: 'reporting-secret',
    ssl: false,
  };
  const questionCount = DASHBOARDS.reduce((n, d) => n + d.questions.length, 0);

  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    client = new MetabaseClient(`http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    await new Promise((resolve) => fake.server.close(resolve));
  });

  const writes = (from: number) =>
    fake.requests
      .slice(from)
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path.replace(/\d+$/, ':id')}`);

  it('refuses a wrong password', async () => {
    await expect(new MetabaseClient(client.siteUrl).login('admin@example.org', 'wrong')).rejects.toBeInstanceOf(
      MetabaseError,
    );
  });

  it('creates the connection, collection, questions and embeddable dashboards on the first run', async () => {
    await client.login('admin@example.org', 'mb-admin-pass');
    const from = fake.requests.length;
    const result = await provisionMetabase(client, { connection, embeddingSecretKey: SECRET });

    expect(writes(from)).toEqual([
      'PUT /api/setting/enable-embedding',
      'PUT /api/setting/embedding-secret-key',
      'POST /api/database',
      'POST /api/collection',
      ...DASHBOARDS.flatMap((d) => [
        ...d.questions.map(() => 'POST /api/card'),
        'POST /api/dashboard',
        'PUT /api/dashboard/:id',
      ]),
    ]);
    expect(fake.settings).toEqual({ 'enable-embedding': true, 'embedding-secret-key': SECRET });

    const database = fake.store.database.find((d) => d.id === result.databaseId);
    expect(database).toMatchObject({
      engine: 'postgres',
      details: {
        host: 'postgres',
        port: 5432,
        dbname: 'wpa',
        user: 'wpa_reporting',
        'schema-filters-type': 'inclusion',
        'schema-filters-patterns': 'reporting',
      },
    });

    expect(fake.store.card).toHaveLength(questionCount);
    for (const card of fake.store.card) {
      expect(card).toMatchObject({
        collection_id: result.collectionId,
        dataset_query: { type: 'native', database: result.databaseId },
      });
      expect(card.dataset_query.native.query).toMatch(/FROM reporting\.\w+/);
      expect(card.dataset_query.native.query).not.toMatch(/\bpublic\.|FROM (petition_case|agent|certificate)\b/);
      for (const [name, tag] of Object.entries<any>(card.dataset_query.native['template-tags'])) {
        expect(tag).toMatchObject({ name, type: 'number' });
        expect(card.dataset_query.native.query).toContain(`{{${name}}}`);
      }
    }

    expect(result.dashboardIds).toHaveLength(DASHBOARDS.length);
    for (const [i, id] of result.dashboardIds.entries()) {
      const dashboard = fake.store.dashboard.find((d) => d.id === id);
      expect(dashboard).toMatchObject({
        name: DASHBOARDS[i].name,
        collection_id: result.collectionId,
        enable_embedding: true,
        embedding_params: { county: 'locked', year: 'enabled' },
      });
      expect(dashboard.parameters.map((p: any) => p.slug)).toEqual(['county', 'year']);
      expect(dashboard.dashcards).toHaveLength(DASHBOARDS[i].questions.length);
      for (const dc of dashboard.dashcards) {
        for (const mapping of dc.parameter_mappings) {
          expect(mapping).toEqual({
            parameter_id: mapping.parameter_id,
            card_id: dc.card_id,
            target: ['variable', ['template-tag', mapping.parameter_id]],
          });
        }
      }
    }
    expect(result.actions.filter((a) => a.startsWith('已创建'))).toHaveLength(2 + questionCount + DASHBOARDS.length);
  });

  it('updates on a second run and never duplicates', async () => {
    const before = JSON.parse(JSON.stringify(fake.store));
    const from = fake.requests.length;
    const result = await provisionMetabase(client, {
      connection: { ...connection, password: 'rotated' },
      embeddingSecretKey: SECRET,
    });

    expect(writes(from).filter((w) => w.startsWith('POST'))).toEqual([]);
    expect(writes(from)).toEqual([
      'PUT /api/setting/enable-embedding',
      'PUT /api/setting/embedding-secret-key',
      'PUT /api/database/:id',
      'PUT /api/collection/:id',
      ...DASHBOARDS.flatMap((d) => [...d.questions.map(() => 'PUT /api/card/:id'), 'PUT /api/dashboard/:id']),
    ]);
    for (const kind of ['database', 'collection', 'card', 'dashboard'] as const) {
      expect([kind, fake.store[kind].length]).toEqual([kind, before[kind].length]);
    }
    // the cards already on a dashboard keep their dashcard ids
    for (const d of fake.store.dashboard) {
      const old = before.dashboard.find((x: any) => x.id === d.id);
      expect(d.dashcards.map((c: any) => c.id)).toEqual(old.dashcards.map((c: any) => c.id));
    }
    expect(fake.store.database.find((d) => d.id === result.databaseId).details.password).toBe('rotated');
    expect(result.actions.every((a) => !a.startsWith('已创建'))).toBe(true);
  });
});

describe('the questions, read against the demo warehouse', () => {
  const db = connectedTestDatabase({ demo: true });
  beforeAll(async () => {
    // the names and targets as the app writes them at start
    await syncReportingLookups(db(), { standards: CREATION_STANDARDS, enumLabels: ENUM_LABELS });
  });

  const questions = DASHBOARDS.flatMap((d) => d.questions);
  /** The SQL as Metabase sends it: an optional [[…]] clause kept when its parameters are given, else dropped. */
  const render = (sql: string, values: Record<string, number>) =>
    sql
      .replace(/\[\[([\s\S]*?)\]\]/g, (_, clause: string) =>
        [...clause.matchAll(/\{\{(\w+)\}\}/g)].every(([, tag]) => tag in values) ? clause : '',
      )
      .replace(/\{\{(\w+)\}\}/g, (_, tag: string) => String(values[tag]));

  it('names the city 全市 and pools it as the Excel 合计 does: never an average of the counties', async () => {
    for (const q of questions)
      expect({ q: q.name, averaged: /平均|\bavg\s*\(/i.test(`${q.name} ${q.description} ${q.sql}`) }).toEqual({
        q: q.name,
        averaged: false,
      });
    const cityCard = questions.find((q) => q.name === '全市')!;
    const { rows } = await db().query(render(cityCard.sql, { year: 2025 }));
    const { rows: scorecard } = await db().query(
      `SELECT standard_code, measure::float AS measure, passed, numerator::int AS numerator, denominator::int AS denominator
         FROM reporting.county_scorecard WHERE year = 2025`,
    );
    expect(rows).toHaveLength(CREATION_STANDARDS.length);
    for (const s of CREATION_STANDARDS) {
      const city = cityFigure(
        s,
        scorecard.filter((r) => r.standard_code === s.code),
      );
      const row = rows.find((r) => r['指标'] === s.name)!;
      expect({
        standard: s.code,
        city: row['全市'] === null ? null : Number(row['全市']),
        met: Number(row['达标县数']),
      }).toEqual({ standard: s.code, city: city.measure, met: city.countiesMet });
    }
  });

  it('draws the creation standard’s target on every chart of a standard', async () => {
    const charts: Record<string, StandardCode[]> = {
      '各县（市、区）办结率': ['closure_rate'],
      '各县（市、区）7日内答复率': ['reply_on_time'],
      代理员持证覆盖: ['township_coverage', 'certified_agents'],
    };
    for (const [name, codes] of Object.entries(charts)) {
      const q = questions.find((x) => x.name === name)!;
      const targets = codes.map((code) => CREATION_STANDARDS.find((s) => s.code === code)!.target);
      expect({ name, goal: q.visualization['graph.show_goal'], value: q.visualization['graph.goal_value'] }).toEqual({
        name,
        goal: true,
        value: targets[0],
      });
      expect(new Set(targets).size).toBe(1);
      const { rows } = await db().query(render(q.sql, { year: 2025 }));
      expect(rows).toHaveLength(10);
    }
    // the closure rate is described as the one definition, 已办结 ÷ 应办结
    expect(questions.find((q) => q.name === '各县（市、区）办结率')!.description).toContain('已办结 ÷ 应办结');
  });
});
