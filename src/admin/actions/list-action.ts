import {
  Filter,
  flat,
  populator,
  type ActionContext,
  type ActionHandler,
  type ActionRequest,
  type ListActionResponse,
  type RecordJSON,
} from 'adminjs';
import type { BaseRecord } from 'adminjs';

const PER_PAGE_LIMIT = 500;

/** What a row of a list carries when its page draws the rows itself (the list action's `custom.rowParams`). */
export interface LeanRows {
  /** the columns the page reads besides the list properties (e.g. the deadline's colour) */
  rowParams: string[];
}

/** The columns a lean list row keeps besides the list properties, when its list action asks for lean rows. */
export const leanRowParams = (context: ActionContext): string[] | undefined =>
  (context.action.custom() as Partial<LeanRows>).rowParams;

const whole = (value: unknown, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
};

/** A record as a list row carries it: id, title and the given columns and references, no actions. */
const bare = (record: BaseRecord, params: RecordJSON['params'], populated: RecordJSON['populated']): RecordJSON => ({
  id: String(record.id()),
  title: record.title(),
  params,
  populated,
  baseError: null,
  errors: {},
  recordActions: [],
  bulkActions: [],
});

/**
 * A row of a list whose page opens the record to act on it: its columns, each reference by id and title
 * (the page links it by id; its own page reads the referenced record again), no actions of its own.
 */
const leanRow = (record: BaseRecord): RecordJSON =>
  bare(
    record,
    record.params,
    Object.fromEntries(Object.entries(record.populated).map(([path, ref]) => [path, ref ? bare(ref, {}, {}) : null])),
  );

/**
 * The list action: AdminJS's own (filters, sort, page, the references populated) with the page and its
 * count read at the same time rather than one after the other. A list whose page draws its rows itself
 * (`custom.rowParams`: the case list) answers each row without the record actions AdminJS would work out
 * for it — the page opens the record, whose own page offers the steps — and leanListings then keeps only
 * the columns it shows.
 */
export const listHandler: ActionHandler<ListActionResponse> = async (
  request: ActionRequest,
  _response: unknown,
  context: ActionContext,
) => {
  const query = flat.unflatten(request.query ?? {}) as {
    sortBy?: string;
    direction?: string;
    filters?: Record<string, unknown>;
    page?: unknown;
    perPage?: unknown;
  };
  const { resource, _admin, currentAdmin } = context;
  const perPage = whole(query.perPage, _admin.options.settings?.defaultPerPage ?? 10, PER_PAGE_LIMIT);
  const page = whole(query.page, 1);
  const decorated = resource.decorate();
  const first = decorated.getListProperties().find((p) => p.isSortable());
  const sortOption: { sortBy?: string; direction?: string } = decorated.options.sort ?? {};
  const sort = first
    ? {
        direction: (query.direction ?? sortOption.direction) === 'desc' ? ('desc' as const) : ('asc' as const),
        sortBy: String(query.sortBy || sortOption.sortBy || first.name()),
      }
    : undefined;
  const filter = await new Filter(query.filters ?? {}, resource).populate(context);
  const [records, total] = await Promise.all([
    resource
      .find(filter, { limit: perPage, offset: (page - 1) * perPage, sort }, context)
      .then((found) => populator(found, context)),
    resource.count(filter, context),
  ]);
  context.records = records;
  const lean = Boolean(leanRowParams(context));
  return {
    // no sortable column: no order to report (as AdminJS's own list answers)
    meta: { total, perPage, page, direction: sort?.direction, sortBy: sort?.sortBy } as ListActionResponse['meta'],
    records: records.map((r) => (lean ? leanRow(r) : r.toJSON(currentAdmin))),
  };
};
