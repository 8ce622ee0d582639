import type { DataSource, EntityManager } from 'typeorm';
import { can, type Actor } from '../domain/access-policy.js';
import { DomainError } from '../domain/errors.js';
import { VoidedRecord } from '../domain/record-version.js';
import { assertNoticeDraft } from '../domain/notice-rules.js';
import type { StoredFile } from '../domain/stored-file.js';
import { mayCompleteRectification, mayReadNoticeFiles } from '../domain/supervision-permissions.js';
import { Inspection } from '../entities/inspection.js';
import { Notice } from '../entities/notice.js';
import { Rectification } from '../entities/rectification.js';
import { writeAudit } from './audit.js';
import { storedPath } from './case-scans.js';
import { discardStored, storeUpload, type Upload } from './file-store.js';

type Author = Actor & { email?: string };
type Owner = Notice | Inspection | Rectification;

interface OwnerKind {
  entity: typeof Notice | typeof Inspection | typeof Rectification;
  resource: 'Notice' | 'Inspection' | 'Rectification';
  /** may add a file (throws when the record's state forbids it) */
  mayAttach: (actor: Author, row: Owner) => boolean;
  mayRead: (actor: Author, row: Owner, em: EntityManager) => Promise<boolean>;
}

/** The records that carry files: a notice's attachments, an inspection's photos, a rectification's evidence. */
export const FILE_OWNERS: Record<string, OwnerKind> = {
  notice: {
    entity: Notice,
    resource: 'Notice',
    mayAttach: (actor, row) => {
      if (!can(actor, 'write', 'Notice', row)) return false;
      assertNoticeDraft(row as Notice);
      return true;
    },
    mayRead: async (actor, row, em) => {
      const addressed: { county_id: number }[] = await em.query(
        `SELECT county_id FROM notice_recipient WHERE notice_id = $1`,
        [row.id],
      );
      return mayReadNoticeFiles(
        actor,
        row.countyId,
        addressed.map((a) => a.county_id),
      );
    },
  },
  inspection: {
    entity: Inspection,
    resource: 'Inspection',
    mayAttach: (actor, row) => can(actor, 'write', 'Inspection', row),
    mayRead: async (actor, row) => can(actor, 'read', 'Inspection', row),
  },
  rectification: {
    entity: Rectification,
    resource: 'Rectification',
    mayAttach: (actor, row) => mayCompleteRectification(actor, row.countyId),
    mayRead: async (actor, row) => can(actor, 'read', 'Rectification', row),
  },
};

function ownerKind(owner: string): OwnerKind {
  const kind = FILE_OWNERS[owner];
  if (!kind) throw new DomainError('NOT_FOUND', '记录不存在');
  return kind;
}

/** Keeps the upload and lists it on its record, with the audit entry, in one transaction. */
export async function attachFile(
  ds: DataSource,
  store: { uploadDir: string; maxBytes: number },
  actor: Author,
  owner: string,
  id: number,
  upload: Upload,
  now: Date,
): Promise<StoredFile> {
  const { uploadDir } = store;
  const kind = ownerKind(owner);
  let stored: StoredFile | null = null;
  try {
    return await ds.transaction(async (em) => {
      const row = (await em.findOne(kind.entity as typeof Notice, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      })) as Owner | null;
      if (!row || !kind.mayAttach(actor, row)) throw new DomainError('FORBIDDEN', '无权为该记录上传文件');
      if (row.voidedAt) throw new VoidedRecord();
      const version = row.rowVersion;
      stored = await storeUpload(uploadDir, upload, {
        maxBytes: store.maxBytes,
        alreadyAttached: row.files.length,
        uploadedBy: actor.id,
        now,
      });
      row.files = [...row.files, stored];
      await em.save(row);
      await writeAudit(em, {
        actor,
        action: 'attachFile',
        resource: kind.resource,
        recordId: id,
        countyId: row.countyId,
        changes: {
          file: { name: stored.name, size: stored.size, sha256: stored.sha256 },
          rowVersion: { before: version, after: row.rowVersion },
        },
      });
      return stored;
    });
  } catch (e) {
    if (stored) await discardStored(uploadDir, (stored as StoredFile).key);
    throw e;
  }
}

/** The stored file for a download, when this user may read its record; null otherwise (a plain 404). */
export async function findAttachment(
  ds: DataSource,
  uploadDir: string,
  actor: Author,
  owner: string,
  id: number,
  key: string,
): Promise<(StoredFile & { path: string }) | null> {
  const kind = FILE_OWNERS[owner];
  if (!kind) return null;
  const row = (await ds.manager.findOne(kind.entity as typeof Notice, { where: { id } })) as Owner | null;
  if (!row || !(await kind.mayRead(actor, row, ds.manager))) return null;
  const file = row.files.find((f) => f.key === key);
  if (!file) return null;
  await writeAudit(ds.manager, {
    actor,
    action: 'download',
    resource: kind.resource,
    recordId: id,
    countyId: row.countyId,
    changes: { file: file.name },
  });
  return { ...file, path: storedPath(uploadDir, file.key) };
}
