import type { DataSource } from 'typeorm';
import type { MetabaseConfig } from '../../config.js';
import { countyScope } from '../../domain/access-policy.js';
import { currentReportingYear, loadDashboardData, type DashboardData } from '../../reports/dashboard-data.js';
import { dashboardEmbedUrl } from '../../reports/metabase/metabase-embed.js';
import { dashboardRelations, type SnapshotPolicy } from '../../reports/reporting-snapshots.js';
import { actorOf } from '../current-actor.js';
import { HOME_SECTION_PROVIDERS, type HomeListSection } from './home-sections.js';

/** GET /admin/api/dashboard: what the home page (components/dashboard.tsx) shows the signed-in user. */
export interface DashboardResponse {
  sections: HomeListSection[];
  /** the built-in scorecard and charts; absent when Metabase dashboards are embedded instead */
  data?: DashboardData;
  /** signed iframe URLs, one per configured Metabase dashboard */
  metabase?: { year: number; years: number[]; urls: string[] };
  error?: string;
}

const FIRST_YEAR = 2014;

export function dashboardHandler(deps: {
  dataSource: DataSource;
  metabase?: MetabaseConfig;
  now: () => Date;
  log: (msg: string) => void;
  /** large programs (a province's cases) read materialised snapshots; default: always live */
  snapshots?: SnapshotPolicy;
}) {
  return async (
    request: { query?: Record<string, unknown> },
    _response: unknown,
    context: { currentAdmin?: unknown },
  ): Promise<DashboardResponse> => {
    const actor = actorOf(context);
    if (!actor) return { sections: [], error: '请先登录' };
    const ds = deps.dataSource;
    const now = deps.now();
    const thisYear = await currentReportingYear(ds);
    const asked = Number(request.query?.year);
    const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= thisYear ? asked : thisYear;

    const sections = (
      await Promise.all(
        HOME_SECTION_PROVIDERS.map((provide) =>
          provide({ ds, actor, now }).catch((e: unknown) => {
            deps.log(`首页列表出错: ${e instanceof Error ? e.stack : String(e)}`);
            return null;
          }),
        ),
      )
    ).filter((s): s is HomeListSection => s !== null);

    const mb = deps.metabase;
    if (mb && mb.dashboardIds.length) {
      const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);
      const urls = mb.dashboardIds.map((dashboardId) =>
        dashboardEmbedUrl({
          siteUrl: mb.siteUrl,
          secretKey: mb.secretKey,
          dashboardId,
          countyId: countyScope(actor),
          year,
          now,
        }),
      );
      return { sections, metabase: { year, years, urls } };
    }
    const from = deps.snapshots ? await dashboardRelations(ds, deps.snapshots) : undefined;
    return { sections, data: await loadDashboardData(ds, actor, year, from) };
  };
}
