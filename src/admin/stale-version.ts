import type { EntityManager } from 'typeorm';
import type { StaleVersion } from '../domain/record-version.js';
import { RESOURCE_TRANSLATIONS } from './locale/resources.js';
import { UI } from './locale/ui.js';

const NOT_FIELDS = new Set(['rowVersion', 'updatedAt', 'createdAt']);

/** China time, to the minute. */
function when(at: Date | string): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The refusal of a save based on an old version, for the clerk: who changed the record since her page
 * was loaded, when, and which fields (by their Chinese labels), from the audit rows of those versions.
 */
export async function describeStale(
  em: Pick<EntityManager, 'query'>,
  resource: string,
  recordId: string | number,
  e: StaleVersion,
): Promise<string> {
  const rows: {
    user_email: string | null;
    user_name: string | null;
    at: Date;
    action: string;
    changes: Record<string, unknown> | null;
  }[] = await em.query(
    `SELECT a.user_email, u.name AS user_name, a.at, a.action, a.changes
       FROM audit_log a LEFT JOIN admin_user u ON u.id = a.user_id
      WHERE a.resource = $1 AND a.record_id = $2 AND a.changes->'rowVersion' IS NOT NULL
        AND (a.changes->'rowVersion'->>'after') ~ '^[0-9]+$' AND (a.changes->'rowVersion'->>'after')::int > $3
      ORDER BY a.id`,
    [resource, String(recordId), e.submitted],
  );
  const labels =
    (RESOURCE_TRANSLATIONS as Record<string, { properties: Record<string, string> }>)[resource]?.properties ?? {};
  const actions = UI.actions as Record<string, string>;
  const fields: string[] = [];
  const steps: string[] = [];
  for (const r of rows) {
    for (const key of Object.keys(r.changes ?? {})) {
      const label = labels[key];
      if (!NOT_FIELDS.has(key) && label && !fields.includes(label)) fields.push(label);
    }
    const step = actions[r.action] && r.action !== 'edit' ? actions[r.action] : r.action === 'update' ? '修改' : null;
    const who = r.user_name ?? r.user_email ?? '其他用户';
    if (step) steps.push(`${who}于${when(r.at)}${step}`);
  }
  const what = fields.length ? `，改动了：${fields.map((f) => `“${f}”`).join('、')}` : '';
  const by = steps.length ? `（${steps.join('；')}）` : '';
  return `保存失败：您打开此页面后，该记录已被他人修改${by}${what}。您看到的是第${e.submitted}版，现在是第${e.current}版。为免覆盖他人的修改，本次内容没有保存，请刷新页面核对后重新操作。`;
}
