import { createHash } from 'node:crypto';
import type { MetabaseClient } from './metabase-client.js';
import { COUNTY_PARAMETER, YEAR_PARAMETER } from './metabase-embed.js';
import {
  COLLECTION_NAME,
  DASHBOARDS,
  DATABASE_NAME,
  type DashboardSpec,
  type QuestionSpec,
} from './metabase-questions.js';

// Idempotent provisioning: every object is looked up by name (GET), then updated (PUT) or created
// (POST), so a second run changes what differs and never duplicates.

export interface ReportingConnection {
  host: string;
  port: number;
  dbname: string;
  user: string;
  password: string;
  ssl: boolean;
}

export interface ProvisionResult {
  databaseId: number;
  collectionId: number;
  dashboardIds: number[];
  /** one line per object: what was created or updated */
  actions: string[];
}

interface Named {
  id: number;
  name: string;
  archived?: boolean;
  collection_id?: number | null;
}

const DASHBOARD_PARAMETERS = [
  { id: COUNTY_PARAMETER, name: '县（市、区）', slug: COUNTY_PARAMETER, type: 'number/=', sectionId: 'number' },
  { id: YEAR_PARAMETER, name: '年份', slug: YEAR_PARAMETER, type: 'number/=', sectionId: 'number' },
];

/** The county is locked (set only by the signed token); the year stays a filter widget. */
const EMBEDDING_PARAMS = { [COUNTY_PARAMETER]: 'locked', [YEAR_PARAMETER]: 'enabled' };

const TAG_LABELS: Record<string, string> = { [COUNTY_PARAMETER]: '县（市、区）', [YEAR_PARAMETER]: '年份' };

/** A stable UUID for a template tag, so an update leaves the tag's identity alone. */
function tagId(question: string, tag: string): string {
  const h = createHash('sha1').update(`${question}/${tag}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function cardBody(q: QuestionSpec, databaseId: number, collectionId: number) {
  const templateTags = Object.fromEntries(
    q.tags.map((tag) => [tag, { id: tagId(q.name, tag), name: tag, 'display-name': TAG_LABELS[tag], type: 'number' }]),
  );
  return {
    name: q.name,
    description: q.description,
    display: q.display,
    collection_id: collectionId,
    visualization_settings: q.visualization,
    dataset_query: { type: 'native', database: databaseId, native: { query: q.sql, 'template-tags': templateTags } },
  };
}

export async function provisionMetabase(
  mb: MetabaseClient,
  opts: { connection: ReportingConnection; embeddingSecretKey: string },
): Promise<ProvisionResult> {
  const actions: string[] = [];
  const upsert = async <T extends Named>(
    kind: string,
    path: string,
    existing: T | undefined,
    body: object,
  ): Promise<number> => {
    if (existing) {
      await mb.put(`${path}/${existing.id}`, body);
      actions.push(`已更新${kind}「${existing.name}」 #${existing.id}`);
      return existing.id;
    }
    const created = await mb.post<Named>(path, body);
    actions.push(`已创建${kind}「${created.name}」 #${created.id}`);
    return created.id;
  };

  await mb.put('/api/setting/enable-embedding', { value: true });
  await mb.put('/api/setting/embedding-secret-key', { value: opts.embeddingSecretKey });
  actions.push('已启用静态嵌入并设置嵌入密钥（与 METABASE_SECRET_KEY 相同）');

  const c = opts.connection;
  const databases = await mb.list<Named>('/api/database');
  const databaseId = await upsert(
    '数据库连接',
    '/api/database',
    databases.find((d) => d.name === DATABASE_NAME),
    {
      name: DATABASE_NAME,
      engine: 'postgres',
      details: {
        host: c.host,
        port: c.port,
        dbname: c.dbname,
        user: c.user,
        password: c.password,
        ssl: c.ssl,
        'schema-filters-type': 'inclusion',
        'schema-filters-patterns': 'reporting',
      },
    },
  );

  const collections = await mb.list<Named>('/api/collection');
  const collectionId = await upsert(
    '收藏夹',
    '/api/collection',
    collections.find((x) => x.name === COLLECTION_NAME && !x.archived),
    {
      name: COLLECTION_NAME,
      description: '县（市、区）对照创建标准的考评问题与仪表板（由 npm run metabase:provision 维护）',
      color: '#509EE3',
    },
  );

  const cards = (await mb.list<Named>('/api/card?f=all')).filter(
    (x) => x.collection_id === collectionId && !x.archived,
  );
  const dashboards = (await mb.list<Named>('/api/dashboard?f=all')).filter(
    (x) => x.collection_id === collectionId && !x.archived,
  );
  const dashboardIds: number[] = [];
  for (const spec of DASHBOARDS) {
    const cardIds: number[] = [];
    for (const q of spec.questions) {
      cardIds.push(
        await upsert(
          '问题',
          '/api/card',
          cards.find((x) => x.name === q.name),
          cardBody(q, databaseId, collectionId),
        ),
      );
    }
    dashboardIds.push(await provisionDashboard(mb, spec, cardIds, collectionId, dashboards, actions));
  }
  return { databaseId, collectionId, dashboardIds, actions };
}

async function provisionDashboard(
  mb: MetabaseClient,
  spec: DashboardSpec,
  cardIds: number[],
  collectionId: number,
  dashboards: Named[],
  actions: string[],
): Promise<number> {
  let dashboard = dashboards.find((d) => d.name === spec.name);
  const created = !dashboard;
  if (!dashboard) {
    dashboard = await mb.post<Named>('/api/dashboard', {
      name: spec.name,
      description: spec.description,
      collection_id: collectionId,
      parameters: DASHBOARD_PARAMETERS,
    });
  }
  // keep the ids of cards already placed, so an update moves them instead of adding copies
  const current = await mb.get<{ dashcards?: { id: number; card_id: number | null }[] }>(
    `/api/dashboard/${dashboard.id}`,
  );
  const placed = new Map((current.dashcards ?? []).map((d) => [d.card_id, d.id]));
  const dashcards = spec.questions.map((q, i) => {
    const cardId = cardIds[i];
    return {
      id: placed.get(cardId) ?? -(i + 1),
      card_id: cardId,
      row: Math.floor(i / 2) * 8,
      col: (i % 2) * 12,
      size_x: 12,
      size_y: 8,
      series: [],
      visualization_settings: {},
      parameter_mappings: q.tags.map((tag) => ({
        parameter_id: tag,
        card_id: cardId,
        target: ['variable', ['template-tag', tag]],
      })),
    };
  });
  await mb.put(`/api/dashboard/${dashboard.id}`, {
    name: spec.name,
    description: spec.description,
    collection_id: collectionId,
    parameters: DASHBOARD_PARAMETERS,
    dashcards,
    enable_embedding: true,
    embedding_params: EMBEDDING_PARAMS,
  });
  actions.push(
    `${created ? '已创建' : '已更新'}仪表板「${spec.name}」 #${dashboard.id}（${dashcards.length} 个问题，县（市、区）参数锁定）`,
  );
  return dashboard.id;
}
