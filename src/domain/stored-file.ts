// Files kept with notices (attachments), inspections (photos) and rectifications (evidence): how a stored
// file is described on its row, and which uploads are accepted. The type is judged by the content
// (upload-type.ts, shared with the case scans), never by the name or the browser's word.
import { DomainError } from './errors.js';
import { sniffUploadType, type UploadType } from './upload-type.js';

/** One file in a row's `files` list. */
export interface StoredFile {
  /** generated name under the upload directory: year/uuid.ext */
  key: string;
  /** the name it was uploaded under, for display only */
  name: string;
  mime: UploadType['mime'];
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: number | null;
}

export const MAX_FILES_PER_RECORD = 20;

/** Refuses a file the program does not keep, with the reason a clerk understands; else its type. */
export function acceptUpload(
  head: Uint8Array,
  size: number,
  ctx: { maxBytes: number; alreadyAttached: number },
): UploadType {
  if (size === 0) throw new DomainError('FILE_EMPTY', '上传的文件是空的');
  if (size > ctx.maxBytes)
    throw new DomainError('FILE_TOO_LARGE', `文件过大：最大 ${Math.round(ctx.maxBytes / 1024 / 1024)} MB`);
  if (ctx.alreadyAttached >= MAX_FILES_PER_RECORD)
    throw new DomainError('TOO_MANY_FILES', `每条记录最多上传${MAX_FILES_PER_RECORD}个文件`);
  const type = sniffUploadType(head);
  if (!type) throw new DomainError('FILE_TYPE', '只能上传 PDF、JPG 或 PNG 格式的文件');
  return type;
}

/** A file name safe to show: no path, no control characters or quotes, at most 120 characters. */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- the control characters are what it removes
    .replace(/[\u0000-\u001f\u007f"<>]/g, '')
    .trim()
    .slice(0, 120);
  return cleaned || '附件';
}
