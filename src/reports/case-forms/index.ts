import { agreementForm } from './agreement.js';
import type { CaseForm } from '../../domain/vocabulary.js';
import { FORM_TITLES, type CaseFormData } from './case-form-data.js';
import { handlingRecordForm } from './handling-record.js';
import type { Block, DocumentSpec } from '../document-layout.js';
import { notificationForm } from './notification.js';
import { registrationForm } from './registration.js';
import { replyOpinionForm } from './reply-opinion.js';
import { renderDocument } from '../word-document.js';

export { FORM_TITLES, type CaseFormData } from './case-form-data.js';
export { printedQuery, type PrintedQuery } from './printed-query.js';

const FORMS: Record<CaseForm, (d: CaseFormData) => Block[]> = {
  registration: registrationForm,
  agreement: agreementForm,
  notification: notificationForm,
  handling_record: handlingRecordForm,
  reply_opinion: replyOpinionForm,
};

/** One form of the case's file (附件1–5) as a document description, for Word and for the case file's PDF. */
export function caseFormSpec(kind: CaseForm, data: CaseFormData): DocumentSpec {
  return { title: FORM_TITLES[kind], scale: 'form', blocks: FORMS[kind](data) };
}

/** One form of the case's file (附件1–5) as a .docx. */
export function renderCaseForm(kind: CaseForm, data: CaseFormData): Promise<Buffer> {
  return renderDocument(caseFormSpec(kind, data));
}
