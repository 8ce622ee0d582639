import { agreementForm } from './agreement.js';
import { FORM_TITLES, type CaseFormData, type FormKind } from './case-form-data.js';
import { handlingRecordForm } from './handling-record.js';
import { renderDocument, type Block } from '../document-layout.js';
import { notificationForm } from './notification.js';
import { registrationForm } from './registration.js';
import { replyOpinionForm } from './reply-opinion.js';

export { FORM_KINDS, FORM_TITLES, type CaseFormData, type FormKind } from './case-form-data.js';

const FORMS: Record<FormKind, (d: CaseFormData) => Block[]> = {
  registration: registrationForm,
  agreement: agreementForm,
  notification: notificationForm,
  handling_record: handlingRecordForm,
  reply_opinion: replyOpinionForm,
};

/** One form of the case's file (附件1–5) as a .docx. */
export function renderCaseForm(kind: FormKind, data: CaseFormData): Promise<Buffer> {
  return renderDocument({ title: FORM_TITLES[kind] }, FORMS[kind](data));
}
