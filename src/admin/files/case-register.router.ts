import type AdminJS from 'adminjs';
import express from 'express';
import type { DataSource } from 'typeorm';
import { can, countyScope } from '../../domain/access-policy.js';
import { writeAudit } from '../../services/audit.js';
import { buildCaseRegister } from '../../services/case-export.js';
import { XLSX_TYPE } from '../../services/agent-workbook.js';
import { actorOf } from '../current-actor.js';
import { chinaToday } from '../scoped-resource.js';
import { sendDownload } from './download-headers.js';
import { listedRecordIds } from './listed-records.js';

const EXPORT_LIMIT = 20_000;

/**
 * 导出Excel of the case list: the cases the list shows with its filters and order (a county's staff her
 * county's only), as the office's register. Audited like any export.
 */
export function caseRegisterRouter(admin: AdminJS, ds: DataSource): express.Router {
  const router = express.Router();
  router.get('/cases/register.xlsx', async (req, res, next) => {
    try {
      const actor = actorOf({ currentAdmin: req.session.adminUser });
      if (!actor) return void res.status(401).json({ error: '请先登录' });
      if (!can(actor, 'read', 'PetitionCase')) return void res.status(403).json({ error: '无权导出案件' });
      const { ids, filters } = await listedRecordIds(admin, 'PetitionCase', req, {
        limit: EXPORT_LIMIT,
        sortBy: 'acceptedOn',
        direction: 'desc',
      });
      const today = chinaToday();
      const body = await buildCaseRegister(ds.manager, ids, { today });
      await writeAudit(ds.manager, {
        actor,
        action: 'export',
        resource: 'PetitionCase',
        countyId: countyScope(actor),
        ip: req.ip,
        changes: { rows: ids.length, filters },
      });
      sendDownload(res, `信访代理案件登记簿-${today}.xlsx`, XLSX_TYPE, body);
    } catch (e) {
      next(e);
    }
  });
  return router;
}
