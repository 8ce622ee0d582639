import type AdminJS from 'adminjs';
import express from 'express';
import type { DataSource } from 'typeorm';
import { can, countyScope } from '../../domain/access-policy.js';
import { buildCaseRegister } from '../../services/case-export.js';
import { earlierCases } from '../../services/repeat-petitions.js';
import { signedInRoute } from './route.js';
import { recordId } from '../scoped-resource.js';
import { listExportRoute } from './listed-records.js';
import { refuse } from '../refusals.js';

const EXPORT_LIMIT = 20_000;

/**
 * 导出Excel of the case list: the cases the list shows with its filters and order (a county's staff her
 * county's only), as the office's register. Audited like any export.
 */
export function caseRegisterRouter(admin: AdminJS, ds: DataSource): express.Router {
  const router = express.Router();
  router.get(
    '/cases/register.xlsx',
    listExportRoute(admin, ds, {
      resource: 'PetitionCase',
      forbidden: '无权导出案件',
      limit: EXPORT_LIMIT,
      sortBy: 'acceptedOn',
      direction: 'desc',
      workbook: (ds, ids, _actor, today) => buildCaseRegister(ds.manager, ids, { today }),
      fileName: (today) => `信访代理案件登记簿-${today}.xlsx`,
    }),
  );
  // 重复信访: her earlier cases, shown on the new case's form before it is saved
  router.get(
    '/cases/repeats.json',
    signedInRoute(async (actor, req, res) => {
      if (!can(actor, 'write', 'PetitionCase')) return void refuse(res, 'FORBIDDEN', '无权登记案件');
      const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 60) : null);
      const cases = await earlierCases(
        ds.manager,
        {
          idNumber: text(req.query.idNumber),
          name: text(req.query.name),
          phone: text(req.query.phone),
          excludeId: recordId(req.query.exclude),
        },
        countyScope(actor),
      );
      res.setHeader('Cache-Control', 'private, no-store');
      res.json({ cases });
    }),
  );
  return router;
}
