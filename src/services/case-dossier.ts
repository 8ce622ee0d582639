import { readFile } from 'node:fs/promises';
import type { EntityManager } from 'typeorm';
import { maySeePersonalData, type Actor } from '../domain/access-policy.js';
import { retentionPeriod } from '../domain/case-file-completeness.js';
import { DomainError } from '../domain/errors.js';
import { CASE_FORMS } from '../domain/vocabulary.js';
import type { DossierInput } from '../reports/case-dossier.js';
import { loadCaseFormData } from './case-forms.js';
import { storedPath } from './case-scans.js';

/**
 * What the case file's PDF holds for this reader: the forms with the same masking as the Word files, and
 * the scans in the order of the file page (kind, then upload). A signed scan shows personal data unmasked,
 * so a reader who may not see personal data (a leader) gets the file without them, told how many.
 */
export async function loadDossierInput(
  em: EntityManager,
  caseId: number,
  opts: { actor: Actor; uploadDir: string; publicBaseUrl: string },
): Promise<DossierInput | null> {
  const personal = maySeePersonalData(opts.actor);
  const data = await loadCaseFormData(em, caseId, {
    viewer: opts.actor.role,
    query: { actor: opts.actor, publicBaseUrl: opts.publicBaseUrl },
  });
  if (!data) return null;
  const [c] = await em.query(
    `SELECT is_key, is_group, to_char(archived_on, 'YYYY-MM-DD') AS archived_on FROM petition_case WHERE id = $1`,
    [caseId],
  );
  const docs: {
    title: string;
    file_name: string | null;
    signed_on: string | null;
    mime_type: string;
    storage_key: string;
  }[] = await em.query(
    `SELECT title, file_name, to_char(signed_on, 'YYYY-MM-DD') AS signed_on, mime_type, storage_key
         FROM case_document WHERE case_id = $1 AND voided_at IS NULL AND storage_key IS NOT NULL ORDER BY kind, id`,
    [caseId],
  );
  const scans = personal
    ? await Promise.all(
        docs.map(async (d) => {
          const fileName = d.file_name ?? d.title;
          const bytes = await readFile(storedPath(opts.uploadDir, d.storage_key)).catch(() => {
            throw new DomainError(
              'SCAN_MISSING',
              `扫描件“${d.title}”（${fileName}）的文件已不存在，全卷无法生成，请重新上传。`,
            );
          });
          return { title: d.title, fileName, signedOn: d.signed_on, mimeType: d.mime_type, bytes };
        }),
      )
    : [];
  return {
    data,
    // 附件5 follows the conclusion
    forms: CASE_FORMS.filter((k) => k !== 'reply_opinion' || data.concludedOn != null),
    scans,
    scansWithheld: personal ? 0 : docs.length,
    archivedOn: c.archived_on,
    retention: retentionPeriod({ isKey: c.is_key, isGroup: c.is_group }),
  };
}
