import type AdminJS from 'adminjs';
import { Filter } from 'adminjs';
import type { Request } from 'express';
import { isSortableBy } from '../api-status.js';

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
