import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { localDate } from '../domain/dates.js';
import { acceptUpload, cleanFileName, type StoredFile } from '../domain/stored-file.js';
import { SNIFF_BYTES } from '../domain/upload-type.js';
import { storedPath } from './case-scans.js';
import { assertReadablePdf } from './readable-pdf.js';

/** An uploaded file as the multipart parser left it in a temporary place. */
export interface Upload {
  path: string;
  name: string | null;
  size: number;
}

/**
 * Checks an upload by its content and size, then copies it under `uploadDir` with a generated name
 * (year/uuid.ext), as the case scans are kept: the user's file name is for display only.
 */
export async function storeUpload(
  uploadDir: string,
  upload: Upload,
  ctx: { maxBytes: number; alreadyAttached: number; uploadedBy: number | null; now: Date },
): Promise<StoredFile> {
  const bytes = await fs.readFile(upload.path);
  const type = acceptUpload(bytes.subarray(0, SNIFF_BYTES), bytes.length, ctx);
  if (type.ext === 'pdf') await assertReadablePdf(bytes);
  const key = `${localDate(ctx.now).slice(0, 4)}/${randomUUID()}.${type.ext}`;
  const target = storedPath(uploadDir, key);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, bytes, { flag: 'wx' });
  return {
    key,
    name: cleanFileName(upload.name),
    mime: type.mime,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    uploadedAt: ctx.now.toISOString(),
    uploadedBy: ctx.uploadedBy,
  };
}

/** Best effort, for a file whose record was never saved. */
export async function discardStored(uploadDir: string, key: string): Promise<void> {
  await fs.rm(storedPath(uploadDir, key), { force: true });
}
