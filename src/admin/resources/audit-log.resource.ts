import type { ActionContext, ActionResponse, RecordJSON } from 'adminjs';
import { AuditLog } from '../../entities/audit-log.js';
import { RESOURCE_LABELS } from '../locale/resources.js';
import { AUDIT_ACTIONS } from '../locale/audit-actions.js';
import { computed, defineResource, filledOnPages } from '../resource-kit.js';
import layout from './layouts/audit-log.json' with { type: 'json' };

/**
 * 操作日志 in words: the action and the kind of record in Chinese, the record named by its title (a case
 * by its number) as its reader may see it; the stored codes stay in the row for filters and exports.
 */
async function inWords(response: ActionResponse, _request: unknown, context: ActionContext): Promise<ActionResponse> {
  const records: RecordJSON[] = [...(response.records ?? []), ...(response.record ? [response.record] : [])];
  const wanted = new Map<string, Set<string>>();
  for (const r of records) {
    const { resource, recordId } = r.params;
    if (resource && recordId && RESOURCE_LABELS[resource as keyof typeof RESOURCE_LABELS])
      (wanted.get(resource) ?? wanted.set(resource, new Set()).get(resource)!).add(String(recordId));
  }
  const titles = new Map<string, string>();
  for (const [resourceId, ids] of wanted) {
    // the resource's own findMany: only records the reader may see are named, by id and title
    const found = await context._admin.findResource(resourceId).findMany([...ids], context);
    for (const f of found) titles.set(`${resourceId}:${f.id()}`, f.toJSON(context.currentAdmin).title);
  }
  for (const r of records) {
    const { action, resource, recordId } = r.params;
    r.params.actionLabel = AUDIT_ACTIONS[action] ?? action;
    r.params.resourceLabel = RESOURCE_LABELS[resource as keyof typeof RESOURCE_LABELS] ?? resource;
    r.params.recordTitle = recordId ? (titles.get(`${resource}:${recordId}`) ?? '') : '';
  }
  return response;
}

// words for the stored codes: not sortable (the database sorts by the codes)
const inWordsColumn = { ...computed('string', { list: true }), isSortable: false };

export const auditLogResource = defineResource(AuditLog, { id: 'AuditLog' }, layout, {
  properties: {
    actionLabel: inWordsColumn,
    resourceLabel: inWordsColumn,
    recordTitle: inWordsColumn,
  },
  actions: filledOnPages(inWords),
});
