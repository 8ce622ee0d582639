import express, { type Request, type Response } from 'express';
import IncomingForm, { type File } from 'formidable';
import fs from 'node:fs';
import { rm } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { can, maySeePersonalData } from '../../domain/access-policy.js';
import { describeDaysLeft, nextDeadline } from '../../domain/case-deadlines.js';
import { describeMissing, missingFromFile } from '../../domain/case-file-completeness.js';
import { localDate } from '../../domain/dates.js';
import { FORM_TITLES, renderCaseForm } from '../../reports/case-forms/index.js';
import { writeAudit } from '../../services/audit.js';
import { LEGAL_SCHEDULE } from '../../services/legal-schedule.js';
import { loadCaseFormData } from '../../services/case-forms.js';
import { drawCaseDossierApart } from '../../reports/case-dossier-apart.js';
import { loadDossierInput } from '../../services/case-dossier.js';
import { fileCaseScan, storedPath } from '../../services/case-scans.js';
import { caseTimeline } from '../../services/case-timeline.js';
import { caseFacts, caseFileContents } from '../../services/case-workflow.js';
import { signedIn, type SignedIn } from '../current-actor.js';
import { AUDIT_ACTIONS } from '../locale/audit-actions.js';
import { RESOURCE_TRANSLATIONS } from '../locale/resources.js';
import { recordId } from '../scoped-resource.js';
import { CASE_DOCUMENT_KIND_LABELS, CASE_FORMS, enumLabel, type CaseForm } from '../../domain/vocabulary.js';
import { downloadHeaders, sendDownload } from './download-headers.js';
import { refuse } from '../refusals.js';
import { route, signedInRoute } from './route.js';

const TIMELINE_LABELS = { actions: AUDIT_ACTIONS, fields: RESOURCE_TRANSLATIONS.PetitionCase.properties };
// forms printed before the matter is done make no sense: 附件5 follows the conclusion
const NEEDS_CONCLUSION: readonly CaseForm[] = ['reply_opinion'];

interface Deps {
  dataSource: DataSource;
  uploadDir: string;
  uploadMaxBytes: number;
  /** PUBLIC_BASE_URL: the query page printed on the 告知书 and 答复意见书 */
  publicBaseUrl: string;
  now: () => Date;
}

/**
 * The case file's papers, beside the admin (AdminJS actions cannot stream files): the five forms as
 * Word documents, the uploaded scans, and their upload. Mounted under /admin after the session, so
 * `req.session.adminUser` is the signed-in user; every request checks her access to the case's county.
 */
/** The columns of petition_case these routes read (SELECT *). */
interface CaseRow {
  id: number;
  county_id: number;
  case_no: string;
  state: string;
  archive_no: string | null;
  concluded_on: unknown;
  voided_at: unknown;
}

/** A document of the case file as its page lists it. */
interface CaseDocumentRow {
  id: number;
  kind: string;
  title: string;
  signedOn: string | null;
  fileName: string | null;
  fileSize: number | null;
  mimeType: string | null;
}

export function caseFilesRouter(deps: Deps): express.Router {
  const router = express.Router();
  const em = () => deps.dataSource.manager;

  async function loadCase(req: Request, res: Response, op: 'read' | 'write') {
    const actor = signedIn(req, res);
    if (!actor) return;
    const id = recordId(req.params.caseId);
    const [row]: (CaseRow | undefined)[] =
      id !== null ? await em().query('SELECT * FROM petition_case WHERE id = $1', [id]) : [];
    // a voided (作废) case is gone for all but the city, who alone may restore it
    if (
      !row ||
      !can(actor, 'read', 'PetitionCase', { countyId: row.county_id }) ||
      (row.voided_at && actor.role !== 'city_admin')
    ) {
      return void refuse(res, 'NOT_FOUND', '案件不存在或无权访问');
    }
    if (op === 'write' && !can(actor, 'write', 'CaseDocument', { countyId: row.county_id }))
      return void refuse(res, 'FORBIDDEN', '无权为该案件上传材料');
    return { actor, row };
  }

  // the page behind 下载文书: the forms, the file's documents, what it lacks, the next deadline
  router.get(
    '/cases/:caseId/file.json',
    route(async (req, res) => {
      const found = await loadCase(req, res, 'read');
      if (!found) return;
      const { actor, row } = found;
      const [entity] = await em().query(
        `SELECT state, county_id AS "countyId", to_char(accepted_on, 'YYYY-MM-DD') AS "acceptedOn",
                to_char(acceptance_notified_on, 'YYYY-MM-DD') AS "acceptanceNotifiedOn", extension_days AS "extensionDays",
                to_char(agreement_signed_on, 'YYYY-MM-DD') AS "agreementSignedOn", to_char(notified_on, 'YYYY-MM-DD') AS "notifiedOn",
                to_char(concluded_on, 'YYYY-MM-DD') AS "concludedOn", outcome, to_char(reply_issued_on, 'YYYY-MM-DD') AS "replyIssuedOn",
                to_char(review_requested_on, 'YYYY-MM-DD') AS "reviewRequestedOn", to_char(review_answered_on, 'YYYY-MM-DD') AS "reviewAnsweredOn"
           FROM petition_case WHERE id = $1`,
        [row.id],
      );
      const facts = caseFacts(entity);
      const contents = await caseFileContents(em(), row.id);
      const missing = missingFromFile({ ...contents, ...facts });
      const deadline = nextDeadline(facts, localDate(deps.now()), LEGAL_SCHEDULE);
      const documents: CaseDocumentRow[] = await em().query(
        `SELECT id, kind::text AS kind, title, to_char(signed_on, 'YYYY-MM-DD') AS "signedOn", file_name AS "fileName",
                file_size AS "fileSize", mime_type AS "mimeType"
           FROM case_document WHERE case_id = $1 AND voided_at IS NULL ORDER BY kind, id`,
        [row.id],
      );
      const base = `${req.baseUrl}/cases/${row.id}`;
      res.json({
        caseNo: row.case_no,
        state: row.state,
        locked: row.state === 'archived',
        archiveNo: row.archive_no,
        canUpload: can(actor, 'write', 'CaseDocument', { countyId: row.county_id }) && row.state !== 'archived',
        uploadMaxMb: Math.round(deps.uploadMaxBytes / 1024 / 1024),
        dossierHref: `${base}/dossier.pdf`,
        forms: CASE_FORMS.map((kind) => ({
          kind,
          title: FORM_TITLES[kind],
          href: `${base}/forms/${kind}.docx`,
          available: !NEEDS_CONCLUSION.includes(kind) || facts.concludedOn != null,
        })),
        kinds: Object.entries(CASE_DOCUMENT_KIND_LABELS).map(([value, label]) => ({ value, label })),
        documents: documents.map((d) => ({
          ...d,
          kindLabel: enumLabel('case_document_kind', d.kind),
          href: d.fileName ? `${req.baseUrl}/documents/${d.id}` : null,
        })),
        missing: missing.map((m) => m.label),
        missingText: missing.length ? describeMissing(missing) : null,
        deadline: deadline && { ...deadline, text: describeDaysLeft(deadline.daysLeft) },
      });
    }),
  );

  /** A paper of the case handed out (a form, the whole file): who took which is audited, then it is sent. */
  async function sendCasePaper(
    req: Request,
    res: Response,
    taken: { actor: SignedIn; row: CaseRow; changes: Record<string, unknown> },
    body: Buffer,
    file: { name: string; type: string },
  ): Promise<void> {
    const { actor, row, changes } = taken;
    await writeAudit(em(), {
      actor,
      action: 'download',
      resource: 'PetitionCase',
      recordId: row.id,
      countyId: row.county_id,
      changes,
      ip: req.ip ?? null,
    });
    sendDownload(res, file.name, file.type, body);
  }

  // the case's history for its page: steps, handling records, papers and changes, with who recorded them
  router.get(
    '/cases/:caseId/timeline.json',
    route(async (req, res) => {
      const found = await loadCase(req, res, 'read');
      if (!found) return;
      res.json({ timeline: await caseTimeline(em(), found.row.id, TIMELINE_LABELS) });
    }),
  );

  router.get(
    '/cases/:caseId/forms/:form',
    route(async (req, res) => {
      const kind = req.params.form.replace(/\.docx$/, '').replace(/-/g, '_') as CaseForm;
      if (!CASE_FORMS.includes(kind)) return void refuse(res, 'NOT_FOUND', '没有这种文书');
      const found = await loadCase(req, res, 'read');
      if (!found) return;
      const { actor, row } = found;
      if (NEEDS_CONCLUSION.includes(kind) && !row.concluded_on) {
        return void refuse(res, 'FORM_NOT_YET', '案件尚未终结，不能生成答复意见书（附件5）：请先办理“终结”');
      }
      const data = await loadCaseFormData(em(), row.id, {
        viewer: actor.role,
        query: { actor, publicBaseUrl: deps.publicBaseUrl },
      });
      const buffer = await renderCaseForm(kind, data!);
      await sendCasePaper(req, res, { actor, row, changes: { form: kind } }, buffer, {
        name: `${row.case_no}-${FORM_TITLES[kind]}.docx`,
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      });
    }),
  );

  // 下载全卷（PDF）: 一案一卷 as one file, made now from the case and its scans
  router.get(
    '/cases/:caseId/dossier.pdf',
    route(
      async (req, res) => {
        const found = await loadCase(req, res, 'read');
        if (!found) return;
        const { actor, row } = found;
        const input = await loadDossierInput(em(), row.id, {
          actor,
          uploadDir: deps.uploadDir,
          publicBaseUrl: deps.publicBaseUrl,
        });
        const { pdf, entries } = await drawCaseDossierApart(input!);
        const dossier = { entries: entries.length, scans: input!.scans.length, bytes: pdf.length };
        await sendCasePaper(req, res, { actor, row, changes: { dossier } }, Buffer.from(pdf), {
          name: `${row.case_no}-案卷.pdf`,
          type: 'application/pdf',
        });
      },
      { answerRefusals: true },
    ),
  );

  router.post(
    '/cases/:caseId/documents',
    route(
      async (req, res) => {
        let upload: File | undefined;
        try {
          const found = await loadCase(req, res, 'write');
          if (!found) return;
          const parsed = await parseUpload(req, deps.uploadMaxBytes);
          if ('error' in parsed) return void refuse(res, 'UPLOAD_INVALID', parsed.error);
          upload = parsed.file;
          if (!upload) return void refuse(res, 'REQUIRED', '请选择要上传的扫描件');
          const id = await fileCaseScan(em(), {
            caseId: found.row.id,
            kind: parsed.fields.kind ?? '',
            title: parsed.fields.title,
            signedOn: parsed.fields.signedOn,
            file: { path: upload.path, name: upload.name ?? 'scan', size: upload.size },
            actor: found.actor,
            now: deps.now(),
            uploadDir: deps.uploadDir,
            maxBytes: deps.uploadMaxBytes,
          });
          res.status(201).json({ id, message: '扫描件已上传' });
        } finally {
          if (upload) await rm(upload.path, { force: true });
        }
      },
      { answerRefusals: true },
    ),
  );

  router.get(
    '/documents/:documentId',
    signedInRoute(async (actor, req, res, next) => {
      const id = recordId(req.params.documentId);
      const [doc] = id !== null ? await em().query('SELECT * FROM case_document WHERE id = $1', [id]) : [];
      if (
        !doc ||
        !can(actor, 'read', 'CaseDocument', { countyId: doc.county_id }) ||
        (doc.voided_at && actor.role !== 'city_admin')
      ) {
        return void refuse(res, 'NOT_FOUND', '文书不存在或无权访问');
      }
      if (!doc.storage_key) return void refuse(res, 'NOT_FOUND', '该文书没有上传扫描件');
      // a signed scan shows the petitioner's ID number, phone and address as written: listed for leaders, not
      // downloadable (the same rule keeps scans out of their 全卷)
      if (!maySeePersonalData(actor))
        return void refuse(res, 'FORBIDDEN', '领导账号可以查看文书目录，不能下载签字扫描件');
      const file = storedPath(deps.uploadDir, doc.storage_key);
      if (!fs.existsSync(file)) return void refuse(res, 'NOT_FOUND', '文书文件不存在');
      await writeAudit(em(), {
        actor,
        action: 'download',
        resource: 'CaseDocument',
        recordId: doc.id,
        countyId: doc.county_id,
        ip: req.ip ?? null,
      });
      downloadHeaders(res, doc.file_name ?? `${doc.title}.${doc.storage_key.split('.').pop()}`, doc.mime_type);
      fs.createReadStream(file).on('error', next).pipe(res);
    }),
  );

  return router;
}

/** The multipart upload: its fields and the one file, or why it is refused (size first). */
function parseUpload(
  req: Request,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; file?: File } | { error: string }> {
  return new Promise((resolve) => {
    if (!req.is('multipart/form-data')) return resolve({ error: '请以表单方式上传文件' });
    const form = new IncomingForm({ maxFileSize: maxBytes, maxFields: 20 });
    form.parse(req, (err, fields, files) => {
      if (err) {
        if (/maxFileSize/.test(err.message))
          return resolve({ error: `文件过大：最大 ${Math.round(maxBytes / 1024 / 1024)} MB` });
        // a broken multipart body is the sender's fault, not the server's
        return resolve({ error: '上传的内容不完整或格式有误，请重新选择文件上传' });
      }
      resolve({ fields, file: files.file });
    });
  });
}
