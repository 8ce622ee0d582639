import type { AdminPage } from 'adminjs';
import type { DataSource } from 'typeorm';
import { COVERAGE_BAND_LABELS } from '../../domain/township-coverage.js';
import { townshipCoverage } from '../../services/township-coverage.js';
import { Components } from '../components/index.js';
import { actorOf } from '../current-actor.js';
import { chinaToday } from '../clock.js';

/** 乡镇代理员配备: per county, townships with 0 / 1 / ≥2 certified agents (county staff: her county only). */
export function coveragePage(ds: DataSource): AdminPage {
  return {
    component: Components.CoveragePage,
    icon: 'Map',
    handler: async (_request, _response, context) => {
      const actor = actorOf(context);
      if (!actor) return { error: '请先登录' };
      return { today: chinaToday(), bands: COVERAGE_BAND_LABELS, ...(await townshipCoverage(ds.manager, actor)) };
    },
  };
}
