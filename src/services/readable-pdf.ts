import { PDFDocument } from 'pdf-lib';
import { DomainError, ERROR_CODES } from '../domain/errors.js';

export const PDF_UNREADABLE_MESSAGE = ERROR_CODES.FILE_UNREADABLE.message;

/**
 * A file that begins like a PDF but does not open is refused at upload: the case file (一案一卷) would keep a
 * paper nobody can read, and the whole-file download (下载全卷) would stop at it later. A scanned copy has at
 * least one page; an encrypted one still opens (it is read as it is, never decrypted).
 */
export async function assertReadablePdf(bytes: Uint8Array): Promise<void> {
  // a file without a page tree loads, and fails only when its pages are counted
  const pages = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })
    .then((doc) => doc.getPageCount())
    .catch(() => 0);
  if (pages < 1) throw new DomainError('FILE_UNREADABLE');
}
