// 一案一卷 (平妇字〔2014〕17号, 工作要求 3): before a case is archived its file must hold every form of
// attachments 1–5 and the facts they record. The check lists everything missing, not only the first gap.

import { CASE_FORM_LABELS, CASE_FORMS } from './vocabulary.js';

export interface CaseFileContents {
  /** kinds of the case_document rows of the case */
  documentKinds: readonly string[];
  /** case_log rows (办案记录) */
  handlingRecordCount: number;
  agreementSignedOn: string | null;
  notifiedOn: string | null;
  outcome: string | null;
  replyIssuedOn: string | null;
}

export interface MissingItem {
  code: string;
  label: string;
}

const FACTS: { code: string; label: string; present: (f: CaseFileContents) => boolean }[] = [
  { code: 'AGREEMENT_DATE', label: '代理协议签订日期', present: (f) => Boolean(f.agreementSignedOn) },
  { code: 'NOTIFIED_DATE', label: '代理告知日期', present: (f) => Boolean(f.notifiedOn) },
  { code: 'HANDLING_RECORD', label: '办案记录（至少一条）', present: (f) => f.handlingRecordCount > 0 },
  { code: 'OUTCOME', label: '办理结果', present: (f) => Boolean(f.outcome?.trim()) },
  { code: 'REPLY_DATE', label: '答复意见书出具日期', present: (f) => Boolean(f.replyIssuedOn) },
];

/** What the file lacks: each missing form, then each missing fact; empty when the file is complete. */
export function missingFromFile(file: CaseFileContents): MissingItem[] {
  const documents = CASE_FORMS.filter((kind) => !file.documentKinds.includes(kind)).map((kind) => ({
    code: `DOCUMENT_${kind.toUpperCase()}`,
    label: CASE_FORM_LABELS[kind],
  }));
  const facts = FACTS.filter((f) => !f.present(file)).map(({ code, label }) => ({ code, label }));
  return [...documents, ...facts];
}

/** "缺少：登记表（附件1）、办理结果" — for the clerk. */
export function describeMissing(missing: readonly MissingItem[]): string {
  return `缺少：${missing.map((m) => m.label).join('、')}`;
}

/**
 * 保管期限 on the file's cover: a key or group case is kept permanently, any other for 30 years (the
 * 永久 / 定期30年 / 定期10年 scale of 信访 archives; an agency case file is never of the 10-year kind).
 */
export function retentionPeriod(c: { isKey: boolean; isGroup: boolean }): string {
  return c.isKey || c.isGroup ? '永久' : '定期30年';
}
