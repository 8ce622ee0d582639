import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';

/** A4 at 150 dpi, as a county's office scanner saves a signed page. */
const A4_PX = { width: 1240, height: 1754 };

/** A scanned page as an image: paper grey with ruled lines, so it compresses as a real scan would not too well. */
function scannedPng(seed: number): Uint8Array {
  const png = new PNG(A4_PX);
  for (let y = 0; y < A4_PX.height; y++)
    for (let x = 0; x < A4_PX.width; x++) {
      const i = (y * A4_PX.width + x) * 4;
      const ink = y % 48 < 2 || (x * 7 + y * 13 + seed) % 97 === 0 ? 40 : 235 - ((x + y + seed) % 9);
      png.data.set([ink, ink, ink, 255], i);
    }
  return PNG.sync.write(png);
}

/** A scanned multi-page PDF as a copier makes one. */
async function scannedPdf(pages: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const image = await doc.embedPng(scannedPng(pages));
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    page.drawText(`${label} p${p}`, { x: 60, y: 780, size: 14, font });
  }
  return doc.save();
}

/**
 * The typical file of 下载全卷: the five signed forms scanned (two as PDFs of two pages, three as page images).
 * Returned as upload bodies, one per document kind.
 */
export async function typicalScans(): Promise<{ kind: string; name: string; body: Uint8Array }[]> {
  return [
    { kind: 'registration', name: 'registration.png', body: scannedPng(1) },
    { kind: 'agreement', name: 'agreement.pdf', body: await scannedPdf(2, 'AGREEMENT') },
    { kind: 'notification', name: 'notification.png', body: scannedPng(2) },
    { kind: 'handling_record', name: 'handling-record.pdf', body: await scannedPdf(2, 'RECORD') },
    { kind: 'reply_opinion', name: 'reply-opinion.png', body: scannedPng(3) },
  ];
}
