// The CJK typeface of the PDFs made in Node: Noto Sans Hans (SIL Open Font License), shipped by the npm
// package @embedpdf/fonts-sc, embedded as a subset of the glyphs a document uses. No system font is read.
import * as fontkit from 'fontkit';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

const cache = new Map<string, Uint8Array>();
function fontBytes(file: string): Uint8Array {
  let bytes = cache.get(file);
  if (!bytes) {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    bytes = readFileSync(path.join(path.dirname(entry), '..', 'fonts', file));
    cache.set(file, bytes);
  }
  return bytes;
}

/**
 * pdf-lib's own fontkit fork (@pdf-lib/fontkit 1.1) writes a broken subset of a CID-keyed CFF font such
 * as Noto Sans Hans (readers then draw no glyph at all); fontkit 2 subsets it correctly. pdf-lib reads the
 * subset through `encodeStream()`, which fontkit 2 replaced by `encode()`: this adapter bridges the two.
 */
const parsed = new WeakMap<Uint8Array, fontkit.Font>();
const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    // the 8 MB font is parsed once per process, not once per download
    const known = parsed.get(bytes);
    if (known) return known;
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parsed.set(bytes, font);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => {
        const stream = new EventEmitter();
        setImmediate(() => {
          try {
            stream.emit('data', subset.encode());
            stream.emit('end');
          } catch (e) {
            stream.emit('error', e);
          }
        });
        return stream;
      };
      return subset;
    };
    return font;
  },
};

export async function embedFonts(doc: PDFDocument): Promise<PdfFonts> {
  doc.registerFontkit(fontkitForPdfLib as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const [regular, bold] = await Promise.all([
    doc.embedFont(fontBytes('NotoSansHans-Regular.otf'), { subset: true }),
    doc.embedFont(fontBytes('NotoSansHans-Bold.otf'), { subset: true }),
  ]);
  return { regular, bold };
}
