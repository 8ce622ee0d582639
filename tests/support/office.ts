import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The text of each page of a PDF (poppler's pdftotext), as a reader copies it. */
export function pdfPageTexts(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdf-'));
  try {
    const file = path.join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Word documents printed as an office prints them: LibreOffice converts each .docx to PDF (in one run, with
 * a profile of its own so a running office does not interfere), and each page's text is read back.
 */
export function printDocx(files: Record<string, Buffer>): Record<string, string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'print-'));
  try {
    const names = Object.keys(files);
    for (const name of names) writeFileSync(path.join(dir, `${name}.docx`), files[name]);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...names.map((n) => path.join(dir, `${n}.docx`)),
      ],
      { stdio: 'ignore', timeout: 240_000 },
    );
    return Object.fromEntries(names.map((n) => [n, pdfPageTexts(readFileSync(path.join(dir, `${n}.pdf`)))]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The body XML of a Word document. */
export const documentXml = (docx: Uint8Array | ArrayBuffer): string =>
  strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);

/**
 * The visible text of a Word document's body XML as a reader sees it: paragraphs on their own lines, runs
 * joined, and a non-breaking hyphen (how a case number is kept on one line) read as the hyphen it prints.
 */
export const visibleText = (xml: string): string =>
  xml
    .replace(/<w:noBreakHyphen\/>/g, '-')
    .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`)
    .replace(/<[^>]+>/g, '');

/** The visible text of a Word document. */
export const docxText = (docx: Uint8Array | ArrayBuffer): string => visibleText(documentXml(docx));
