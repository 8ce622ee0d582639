import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import { localDate } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { VoidedRecord } from '../domain/record-version.js';
import { readDate } from '../domain/field-checks.js';
import { cleanFileName } from '../domain/stored-file.js';
import { CASE_DOCUMENT_KIND_LABELS, CASE_DOCUMENT_KINDS, type CaseDocumentKind } from '../domain/vocabulary.js';
import { SNIFF_BYTES, sniffUploadType } from '../domain/upload-type.js';
import { writeAudit } from './audit.js';
import { assertReadablePdf } from './readable-pdf.js';
import { assertCaseFileOpen, caseFileDateProblems } from './case-file-lock.js';

const KINDS = CASE_DOCUMENT_KINDS;
type Kind = CaseDocumentKind;

export interface ScanUpload {
  caseId: number;
  kind: string;
  title?: string | null;
  signedOn?: string | null;
  /** the file as received, in a temporary place */
  file: { path: string; name: string; size: number };
  actor: (Actor & { email?: string }) | null;
  now: Date;
  uploadDir: string;
  maxBytes: number;
}

async function head(file: string): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** case_document.title is varchar(200) */
const TITLE_MAX = 200;

async function sha256(file: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  const handle = await fs.open(file, 'r');
  try {
    for await (const chunk of handle.createReadStream()) hash.update(chunk as Buffer);
  } finally {
    await handle.close().catch(() => {});
  }
  return hash.digest('hex');
}

/**
 * Files a scanned signed copy (PDF/JPG/PNG, type checked by content, size-limited) with a case as a
 * new case document: stored outside the database under a generated name, recorded with its SHA-256,
 * audited — all refused while the case is archived. Returns the new document's id.
 */
export async function fileCaseScan(manager: EntityManager, u: ScanUpload): Promise<number> {
  if (!(KINDS as readonly string[]).includes(u.kind)) throw new DomainError('KIND_INVALID', '请选择文书类别');
  if (u.file.size === 0) throw new DomainError('FILE_EMPTY', '上传的文件是空的');
  if (u.file.size > u.maxBytes) {
    throw new DomainError('FILE_TOO_LARGE', `文件过大：最大 ${Math.round(u.maxBytes / 1024 / 1024)} MB`);
  }
  const type = sniffUploadType(await head(u.file.path));
  if (!type) throw new DomainError('FILE_TYPE', '只能上传 PDF、JPG 或 PNG 格式的扫描件');
  if (type.ext === 'pdf') await assertReadablePdf(await fs.readFile(u.file.path));
  // a title is kept as typed or refused, never cut (a cut title would misname the paper in the file)
  if (u.title != null && typeof u.title !== 'string')
    throw new DomainError('TITLE_INVALID', '文书标题应为文字', 'title');
  if ((u.title?.trim().length ?? 0) > TITLE_MAX)
    throw new DomainError('TITLE_TOO_LONG', `文书标题不能超过${TITLE_MAX}个字`, 'title');
  if (u.title?.includes('\u0000')) throw new DomainError('TITLE_INVALID', '文书标题含有无效字符', 'title');
  const signedOn = u.signedOn?.trim() ? readDate(u.signedOn) : null;
  if (u.signedOn?.trim() && (!signedOn || signedOn > localDate(u.now)))
    throw new DomainError('DATE_INVALID', '签署日期无效或晚于今天');
  const digest = await sha256(u.file.path);
  const storageKey = `${localDate(u.now).slice(0, 4)}/${randomUUID()}.${type.ext}`;
  const target = path.join(u.uploadDir, storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.copyFile(u.file.path, target);
  try {
    return await manager.transaction(async (em) => {
      const [c] = await em.query('SELECT id, county_id, voided_at FROM petition_case WHERE id = $1', [u.caseId]);
      if (!c || !can(u.actor, 'write', 'CaseDocument', { countyId: c.county_id }))
        throw new DomainError('FORBIDDEN', '案件不存在或无权操作');
      if (c.voided_at) throw new VoidedRecord();
      await assertCaseFileOpen(em, u.caseId);
      const dated = await caseFileDateProblems(
        em,
        { caseId: u.caseId, signedOn },
        'signedOn',
        '签署日期',
        localDate(u.now),
      );
      if (dated.signedOn) throw new DomainError(dated.signedOn.code, dated.signedOn.message);
      const title = u.title?.trim() || `${kindLabel(u.kind as Kind)}（签字扫描件）`;
      const [row] = await em.query(
        `INSERT INTO case_document (case_id, county_id, kind, title, signed_on, file_name, storage_key, mime_type, file_size, sha256, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          u.caseId,
          c.county_id,
          u.kind,
          title,
          signedOn,
          cleanFileName(u.file.name),
          storageKey,
          type.mime,
          u.file.size,
          digest,
          u.actor?.id ?? null,
        ],
      );
      await writeAudit(em, {
        actor: u.actor,
        action: 'upload',
        resource: 'CaseDocument',
        recordId: row.id,
        countyId: c.county_id,
        changes: { caseId: u.caseId, kind: u.kind, fileName: u.file.name, fileSize: u.file.size, sha256: digest },
      });
      return row.id as number;
    });
  } catch (e) {
    await fs.rm(target, { force: true });
    throw e;
  }
}

export function kindLabel(kind: Kind): string {
  return CASE_DOCUMENT_KIND_LABELS[kind];
}

/** The stored file of a document, refusing a key that would leave the upload directory. */
export function storedPath(uploadDir: string, storageKey: string): string {
  const root = path.resolve(uploadDir);
  const full = path.resolve(root, storageKey);
  if (!full.startsWith(root + path.sep)) throw new DomainError('STORAGE_KEY', '文件存储标识无效');
  return full;
}
