import type AdminJS from 'adminjs';
import { Filter } from 'adminjs';
import type { Request, RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { can, countyScope, type ResourceId } from '../../domain/access-policy.js';
import { XLSX_TYPE } from '../../services/agent-workbook.js';
import { writeAudit } from '../../services/audit.js';
import { isSortableBy } from '../api-status.js';
import { chinaToday } from '../clock.js';
import type { SignedIn } from '../current-actor.js';
import { refuse } from '../refusals.js';
import { sendDownload } from './download-headers.js';
import { signedInRoute } from './route.js';

/**
 * The ids of the records a list page shows with the filters and order in the request's address
 * (filters.<path>=…, sortBy, direction), all pages up to `limit`: an export is the list the user is
 * looking at, scoped and filtered by the resource exactly as the list is.
 */
export async function listedRecordIds(
  admin: AdminJS,
  resourceId: string,
  req: Request,
  opts: { limit: number; sortBy: string; direction: 'asc' | 'desc' },
): Promise<{ ids: number[]; filters: Record<string, string> }> {
  const resource = admin.findResource(resourceId);
  const filters = Object.fromEntries(
    Object.entries(req.query)
      .filter(([k, v]) => k.startsWith('filters.') && typeof v === 'string' && v !== '')
      .map(([k, v]) => [k.slice('filters.'.length), v as string]),
  );
  const sortBy = isSortableBy(resource, req.query.sortBy) ? req.query.sortBy : opts.sortBy;
  const direction =
    req.query.direction === 'asc' || req.query.direction === 'desc' ? req.query.direction : opts.direction;
  const context = { currentAdmin: req.session.adminUser } as never;
  const filter = await new Filter(filters, resource).populate(context);
  const records = await resource.find(filter, { limit: opts.limit, offset: 0, sort: { sortBy, direction } }, context);
  return { ids: records.map((r) => Number(r.id())), filters };
}

/** What a list's 导出Excel makes of the records listed, and what the file is called. */
export interface ListExport {
  resource: ResourceId;
  /** the refusal of a user who may not read the resource */
  forbidden: string;
  limit: number;
  /** the list's own order, when the address names none */
  sortBy: string;
  direction: 'asc' | 'desc';
  workbook: (ds: DataSource, ids: number[], actor: SignedIn, today: string) => Promise<Buffer>;
  fileName: (today: string) => string;
}

/** 导出Excel of a list: the records it shows as a workbook, the export audited with its rows and filters. */
export function listExportRoute(admin: AdminJS, ds: DataSource, spec: ListExport): RequestHandler {
  return signedInRoute(async (actor, req, res) => {
    if (!can(actor, 'read', spec.resource)) return void refuse(res, 'FORBIDDEN', spec.forbidden);
    const { ids, filters } = await listedRecordIds(admin, spec.resource, req, spec);
    const today = chinaToday();
    const body = await spec.workbook(ds, ids, actor, today);
    await writeAudit(ds.manager, {
      actor,
      action: 'export',
      resource: spec.resource,
      countyId: countyScope(actor),
      ip: req.ip,
      changes: { rows: ids.length, filters },
    });
    sendDownload(res, spec.fileName(today), XLSX_TYPE, body);
  });
}
