import express, { type Request } from 'express';
import IncomingForm, { type File } from 'formidable';
import { rm } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { attachFile, findAttachment } from '../../services/attachment-service.js';
import { signedInRoute } from './route.js';
import { recordId } from '../scoped-resource.js';
import { downloadHeaders } from './download-headers.js';
import { refuse } from '../refusals.js';

interface Deps {
  dataSource: DataSource;
  uploadDir: string;
  uploadMaxBytes: number;
  now: () => Date;
}

/**
 * Files of notices (attachments), inspections (photos) and rectifications (evidence), beside the admin:
 * POST /attachments/:owner/:id (multipart, field `file`) and GET /attachments/:owner/:id/:year/:file.
 * Mounted under /admin/files after the session; each request is checked against the signed-in user's
 * access to the record the file belongs to (services/attachment-service.ts).
 */
export function attachmentsRouter(deps: Deps): express.Router {
  const router = express.Router();

  router.get(
    '/attachments/:owner/:id/:year/:file',
    signedInRoute(async (actor, req, res, next) => {
      const key = `${req.params.year}/${req.params.file}`;
      const id = recordId(req.params.id);
      const found =
        id === null ? null : await findAttachment(deps.dataSource, deps.uploadDir, actor, req.params.owner, id, key);
      if (!found) return void refuse(res, 'NOT_FOUND', '文件不存在或无权查看');
      // a download, never rendered in the admin's origin: its type from the sniffed content
      downloadHeaders(res, found.name, found.mime);
      res.sendFile(found.path, (err) => err && next(err));
    }),
  );

  router.post(
    '/attachments/:owner/:id',
    signedInRoute(
      async (actor, req, res) => {
        let upload: File | undefined;
        try {
          if (!req.is('multipart/form-data')) return void refuse(res, 'UPLOAD_INVALID', '请以表单方式上传文件');
          const parsed = await parse(req, deps.uploadMaxBytes);
          if ('error' in parsed) return void refuse(res, 'UPLOAD_INVALID', parsed.error);
          upload = parsed.file;
          if (!upload) return void refuse(res, 'REQUIRED', '请选择要上传的文件');
          const store = { uploadDir: deps.uploadDir, maxBytes: deps.uploadMaxBytes };
          const stored = await attachFile(
            deps.dataSource,
            store,
            actor,
            req.params.owner,
            recordId(req.params.id) ?? 0,
            upload,
            deps.now(),
          );
          res.status(201).json({ message: `已上传：${stored.name}`, key: stored.key });
        } finally {
          if (upload) await rm(upload.path, { force: true });
        }
      },
      { answerRefusals: true },
    ),
  );

  return router;
}

function parse(req: Request, maxBytes: number): Promise<{ file?: File } | { error: string }> {
  return new Promise((resolve) => {
    const form = new IncomingForm({ maxFileSize: maxBytes, maxFields: 5 });
    form.parse(req, (err, _fields, files) => {
      if (!err) return resolve({ file: files.file });
      if (/maxFileSize/.test(err.message))
        return resolve({ error: `文件过大：最大 ${Math.round(maxBytes / 1024 / 1024)} MB` });
      // a broken multipart body is the sender's fault, not the server's
      resolve({ error: '上传的内容不完整或格式有误，请重新选择文件上传' });
    });
  });
}
