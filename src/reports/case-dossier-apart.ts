import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import type { DossierEntry, DossierInput } from './case-dossier.js';

/** What the dossier process answers: the PDF, the refusal of a scan it cannot read, or a failure. */
export type DossierAnswer =
  | { drawn: { pdf: Uint8Array; entries: DossierEntry[] } }
  | { refused: { code: ErrorCode; message: string } }
  | { failed: string };

// the process's own file beside this one: .js when compiled (npm run build), .ts from the sources, which
// node then loads through tsx as `npm start` does in development
const fromSources = import.meta.url.endsWith('.ts');
const entry = new URL(`./dossier-process${fromSources ? '.ts' : '.js'}`, import.meta.url);
const execArgv = fromSources ? [...process.execArgv, '--import', 'tsx'] : process.execArgv;

// two files drawn at once at most (the server's two cores; 160–200 MB each while drawn); the next wait
const drawing = pLimit(2);
const DRAW_TIMEOUT_MS = 120_000;

/**
 * 下载全卷 drawn in a process of its own that ends with the file. Drawing it holds pdf-lib's object graph
 * of the forms and scans and the two parsed CJK fonts (the server's RSS went from 170 MB to ≈ 350 MB,
 * given back only slowly once the file was sent); a process that ends gives all of it back at once. The
 * input and the PDF cross as structured clones (scans and PDF as bytes, not JSON).
 */
export function drawCaseDossierApart(input: DossierInput): Promise<{ pdf: Uint8Array; entries: DossierEntry[] }> {
  return drawing(
    () =>
      new Promise((resolve, reject) => {
        const child = fork(fileURLToPath(entry), [], {
          execArgv,
          serialization: 'advanced',
          timeout: DRAW_TIMEOUT_MS,
        });
        let answered = false;
        child.once('message', (answer: DossierAnswer) => {
          answered = true;
          if ('drawn' in answer) resolve(answer.drawn);
          else if ('refused' in answer) reject(new DomainError(answer.refused.code, answer.refused.message));
          else reject(new Error(`全卷生成失败: ${answer.failed}`));
        });
        child.once('error', reject);
        child.once('exit', (code, signal) => {
          if (!answered) reject(new Error(`全卷生成进程未作答即退出 (code ${code}, signal ${signal})`));
        });
        child.send(input);
      }),
  );
}
