import type { ActionContext, ActionResponse, RecordJSON } from 'adminjs';
import { AuditLog } from '../../entities/audit-log.js';
import { RESOURCE_LABELS } from '../locale/resources.js';
import { UI } from '../locale/ui.js';
import { defineResource, NAV } from '../resource-kit.js';

// What the log's `action` column holds beyond the admin's own action names (UI.actions): the services'
// and the sign-in's own words for what happened.
const AUDIT_ACTIONS: Record<string, string> = {
  ...UI.actions,
  create: '新建',
  update: '修改',
  delete: '删除',
  login: '登录',
  login_failed: '登录失败',
  view_personal: '查看个人信息',
  download: '下载',
  export: '导出',
  import: '导入',
  upload: '上传扫描件',
  attachFile: '上传附件',
  markRead: '标记已读',
  publish: '发布',
  produceCertificate: '制作证书',
  proposeCommendation: '提名表彰',
  approveCommendation: '批准表彰',
  rejectCommendation: '不予表彰',
  generateEvaluation: '生成考评',
  reissue_query_code: '重新生成查询码',
  public_query: '信访人查询',
  public_query_failed: '信访人查询（案件编号或查询码不对）',
  public_rate: '信访人评价',
  public_rerate: '信访人修改评价',
  public_rate_failed: '信访人评价未成功',
};

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

const shown = (list: boolean) => ({
  type: 'string' as const,
  isSortable: false,
  isVisible: { list, filter: false, show: true, edit: false },
});

export const auditLogResource = defineResource(
  AuditLog,
  { id: 'AuditLog' },
  {
    navigation: NAV.system,
    titleProperty: 'actionLabel',
    sort: { sortBy: 'at', direction: 'desc' },
    listProperties: ['at', 'userEmail', 'actionLabel', 'resourceLabel', 'recordTitle', 'countyId'],
    filterProperties: ['at', 'userId', 'action', 'resource', 'recordId', 'countyId'],
    showProperties: [
      'at',
      'userId',
      'userEmail',
      'actionLabel',
      'resourceLabel',
      'recordTitle',
      'countyId',
      'changes',
      'ip',
    ],
    properties: {
      actionLabel: shown(true),
      resourceLabel: shown(true),
      recordTitle: shown(true),
    },
    actions: { list: { after: inWords }, show: { after: inWords } },
  },
);
