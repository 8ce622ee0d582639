import type AdminJS from 'adminjs';
import express, { type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { can, countyScope } from '../../domain/access-policy.js';
import { mayPrintCertificate } from '../../domain/certificate-permissions.js';
import { buildCertificateDocx, DOCX_TYPE } from '../../reports/certificate-document.js';
import { buildAgentExport } from '../../services/agent-export.js';
import { countyPlaces, importAgents } from '../../services/agent-import.js';
import { buildImportTemplate, XLSX_TYPE } from '../../services/agent-workbook.js';
import { writeAudit } from '../../services/audit.js';
import { certificatePrintData } from '../../services/certificate-print-data.js';
import { signedInRoute } from './route.js';
import { sendDownload } from './download-headers.js';
import { listExportRoute } from './listed-records.js';
import { recordId } from '../scoped-resource.js';
import { refuse } from '../refusals.js';
import { chinaToday } from '../clock.js';

// Files the admin's JSON actions cannot serve: the printable certificate, the agents' Excel template,
// export and import. Mounted under /admin/files after the session; every request is checked with `can`.
export const FILES_PATH = '/files';
const MAX_UPLOAD = '5mb';
const EXPORT_LIMIT = 10_000;

const queryNumber = (v: unknown): number | null => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

export function agentFilesRouter(admin: AdminJS, ds: DataSource): express.Router {
  const router = express.Router();

  router.get(
    '/certificates/:id.docx',
    signedInRoute(async (actor, req, res) => {
      const today = chinaToday();
      const id = recordId(req.params.id);
      const data = id === null ? null : await certificatePrintData(ds.manager, id, today);
      if (!data || !can(actor, 'read', 'Certificate', { countyId: data.countyId }))
        return void refuse(res, 'NOT_FOUND', '证书不存在或无权查看');
      if (!mayPrintCertificate(actor, data.countyId)) return void refuse(res, 'FORBIDDEN', '无权打印代理员证');
      const body = await buildCertificateDocx(data, today);
      await writeAudit(ds.manager, {
        actor,
        action: 'download',
        resource: 'Certificate',
        recordId: data.id,
        countyId: data.countyId,
        ip: req.ip,
      });
      sendDownload(res, `代理员证-${data.number}-${data.holder.name}.docx`, DOCX_TYPE, body);
    }),
  );

  router.get(
    '/agents/template.xlsx',
    signedInRoute(async (actor, req, res) => {
      if (!can(actor, 'write', 'Agent')) return void refuse(res, 'FORBIDDEN', '无权导入代理员');
      const county = countyScope(actor) ?? queryNumber(req.query.countyId);
      const places = county ? await countyPlaces(ds.manager, county) : { townships: [] };
      const body = await buildImportTemplate(
        places.townships.map((t) => ({ name: t.name, villages: t.villages.map((v) => v.name) })),
      );
      sendDownload(res, '代理员导入模板.xlsx', XLSX_TYPE, body);
    }),
  );

  router.get(
    '/agents/export.xlsx',
    listExportRoute(admin, ds, {
      resource: 'Agent',
      forbidden: '无权导出代理员名单',
      limit: EXPORT_LIMIT,
      sortBy: 'id',
      direction: 'desc',
      workbook: (ds, ids, actor, today) => buildAgentExport(ds.manager, ids, { today, viewer: actor.role }),
      fileName: (today) => `代理员名单-${today}.xlsx`,
    }),
  );

  router.post(
    '/agents/import',
    express.raw({ type: () => true, limit: MAX_UPLOAD }),
    signedInRoute(
      async (actor, req, res) => {
        if (!can(actor, 'write', 'Agent')) return void refuse(res, 'FORBIDDEN', '无权导入代理员');
        const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (!file.length) return void refuse(res, 'REQUIRED', '请选择要导入的 Excel 文件');
        const outcome = await importAgents(ds, actor, file, {
          countyId: queryNumber(req.query.countyId),
          dryRun: req.query.dryRun === '1' || req.query.dryRun === 'true',
          today: chinaToday(),
          ip: req.ip,
        });
        res.json(outcome);
      },
      { answerRefusals: true },
    ),
  );

  router.use((e: { type?: string }, _req: Request, res: Response, next: express.NextFunction) => {
    if (e?.type === 'entity.too.large') return void refuse(res, 'BODY_TOO_LARGE', '文件过大（上限5MB）');
    next(e);
  });

  return router;
}
