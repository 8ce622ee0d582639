import type { ResourceId } from '../../src/domain/access-policy.js';

/** The table behind each admin resource: tests compare what the API answers with what the table holds. */
export const TABLE: Record<ResourceId, string> = {
  Organization: 'organization',
  WorkPoint: 'work_point',
  WorkSystem: 'work_system',
  Agent: 'agent',
  Certificate: 'certificate',
  CertificateReview: 'certificate_review',
  Training: 'training',
  TrainingAttendance: 'training_attendance',
  PetitionCase: 'petition_case',
  CaseDocument: 'case_document',
  CaseLog: 'case_log',
  AnalysisReport: 'analysis_report',
  AnnualReport: 'annual_report',
  Evaluation: 'evaluation',
  Commendation: 'commendation',
  AdminUser: 'admin_user',
  AuditLog: 'audit_log',
  Notice: 'notice',
  NoticeRecipient: 'notice_recipient',
  InfoReport: 'info_report',
  Inspection: 'inspection',
  InspectionFinding: 'inspection_finding',
  Rectification: 'rectification',
};

export const RESOURCES = Object.keys(TABLE) as ResourceId[];
