import type { PrintedQuery } from './printed-query.js';
import type { CaseForm } from '../../domain/vocabulary.js';

/** Everything the five forms of a case's file (附件1–5) print, read from the case by services/case-forms.ts. */
export interface CaseFormData {
  caseNo: string;
  archiveNo: string | null;
  countyName: string;
  townshipName: string | null;
  /** ×××县（市、区）妇女信访代理工作点 (创建标准 二: 名称统一) */
  workPointName: string;
  petitioner: { name: string; idNumber: string | null; phone: string | null; address: string | null };
  subject: string;
  description: string | null;
  category: string;
  source: string;
  groupSize: number | null;
  isKey: boolean;
  inJointMeeting: boolean;
  respondentDepartment: string | null;
  agent: { name: string; phone: string | null } | null;
  acceptedOn: string;
  acceptanceNotifiedOn: string | null;
  agreementSignedOn: string | null;
  notifiedOn: string | null;
  representingSince: string | null;
  handlingDueOn: string;
  extension: { days: number; approvedBy: string | null; reason: string | null } | null;
  concludedOn: string | null;
  outcome: string | null;
  replyIssuedOn: string | null;
  logs: { loggedOn: string; handler: string; department: string | null; action: string; result: string | null }[];
  /**
   * The query page, her code and its QR code, printed on the 告知书 and 答复意见书 (条例第二十一条); null
   * on a leader's copy (the code is hers and her clerk's only)
   */
  query: PrintedQuery | null;
}

/** The titles the notice gives the attachments (平妇字〔2014〕17号, 附). */
export const FORM_TITLES: Record<CaseForm, string> = {
  registration: '平顶山市妇女信访代理工作登记表',
  agreement: '平顶山市妇女信访代理协议书',
  notification: '平顶山市妇女信访代理告知书',
  handling_record: '平顶山市妇女信访代理办案记录表',
  reply_opinion: '平顶山市妇女信访代理案件答复意见书',
};
