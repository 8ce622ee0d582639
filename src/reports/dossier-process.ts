// The process that draws one case file's PDF and ends (see case-dossier-apart.ts): it is handed the
// dossier's input, answers the PDF and its 卷内目录 entries, or the refusal, and exits.
import { DomainError } from '../domain/errors.js';
import { buildCaseDossier, type DossierInput } from './case-dossier.js';
import type { DossierAnswer } from './case-dossier-apart.js';

process.once('message', (input: DossierInput) => {
  void buildCaseDossier(input)
    .then(
      (drawn): DossierAnswer => ({ drawn }),
      (e: unknown): DossierAnswer =>
        e instanceof DomainError
          ? { refused: { code: e.code, message: e.message } }
          : { failed: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    )
    .then((answer) => process.send!(answer, () => process.exit(0)));
});
