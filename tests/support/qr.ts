import { unzipSync } from 'fflate';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS whose types declare an ES default export
const jsQR = ((jsQRModule as unknown as { default?: unknown }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** The text of the QR code in a PNG (a Word document's image, a page rendered from a PDF), or null. */
export function readQr(png: Uint8Array): string | null {
  const img = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data ?? null;
}

/** The images of a Word document (word/media/…), by name. */
export function docxImages(docx: Uint8Array): [string, Uint8Array][] {
  return Object.entries(unzipSync(docx)).filter(([name]) => name.startsWith('word/media/'));
}
