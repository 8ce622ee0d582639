// Who may do what: 市妇联权益部 everything, 县妇联 their own county, leaders read. One table, read by `can`, used by
// every action and resource.
import type { UserRole } from './vocabulary.js';

export type Role = UserRole;

export interface Actor {
  id: number;
  role: Role;
  /** set for county staff only */
  countyId: number | null;
}

export type ResourceId =
  | 'Organization'
  | 'WorkPoint'
  | 'WorkSystem'
  | 'Agent'
  | 'Certificate'
  | 'CertificateReview'
  | 'Training'
  | 'TrainingAttendance'
  | 'PetitionCase'
  | 'CaseDocument'
  | 'CaseLog'
  | 'AnalysisReport'
  | 'AnnualReport'
  | 'Evaluation'
  | 'Commendation'
  | 'AdminUser'
  | 'AuditLog'
  | 'Notice'
  | 'NoticeRecipient'
  | 'InfoReport'
  | 'Inspection'
  | 'InspectionFinding'
  | 'Rectification';

/** read: list, show, search, export; write: also create, edit, delete and record actions that change data */
export type Access = 'none' | 'read' | 'write';
export type Operation = 'read' | 'write';

type Grants = Record<Role, Access>;
const PROGRAM_RECORD: Grants = { city_admin: 'write', county_staff: 'write', leader: 'read' };
const CITY_DECIDES: Grants = { city_admin: 'write', county_staff: 'read', leader: 'read' };

export const ACCESS: Record<ResourceId, Grants> = {
  Organization: CITY_DECIDES,
  WorkPoint: PROGRAM_RECORD,
  WorkSystem: PROGRAM_RECORD,
  Agent: PROGRAM_RECORD,
  Certificate: PROGRAM_RECORD,
  CertificateReview: PROGRAM_RECORD,
  Training: PROGRAM_RECORD,
  TrainingAttendance: PROGRAM_RECORD,
  PetitionCase: PROGRAM_RECORD,
  CaseDocument: PROGRAM_RECORD,
  CaseLog: PROGRAM_RECORD,
  AnalysisReport: PROGRAM_RECORD,
  AnnualReport: PROGRAM_RECORD,
  Evaluation: CITY_DECIDES,
  Commendation: CITY_DECIDES,
  AdminUser: { city_admin: 'write', county_staff: 'none', leader: 'none' },
  // nobody edits the audit trail, not even the city
  AuditLog: { city_admin: 'read', county_staff: 'none', leader: 'none' },
  // 通知公告: a notice's county is its sender's (null: the city), so county staff write only their own
  // county's notices, which go to their own county; city notices reach a county as NoticeRecipient rows
  // carrying that county, created on publishing and never edited: reading one is marking it read
  // (mayMarkNoticeRead). The city's visits, findings and rectification lists are the city's; the
  // county records a rectification as done (mayCompleteRectification). See supervision-permissions.ts.
  Notice: PROGRAM_RECORD,
  NoticeRecipient: { city_admin: 'read', county_staff: 'read', leader: 'read' },
  InfoReport: PROGRAM_RECORD,
  Inspection: CITY_DECIDES,
  InspectionFinding: CITY_DECIDES,
  Rectification: CITY_DECIDES,
};

/** A record as far as access is concerned: the county it belongs to (null: city-wide). */
export interface ScopedRecord {
  countyId: number | null;
}

/**
 * May `actor` take `step` on a county's record (countyId undefined: before a record is chosen, as an
 * action's visibility asks)? Each kind of record that has steps answers with one such function.
 */
export type StepPermission<S extends string> = (
  actor: Actor | null | undefined,
  step: S,
  countyId?: number | null,
) => boolean;

/**
 * May `actor` perform `operation` on `resource` (and on `record`, when given)?
 * County staff reach only their own county's records; city-wide records (county null) they may read
 * but not change.
 */
export function can(
  actor: Actor | null | undefined,
  operation: Operation,
  resource: ResourceId,
  record?: ScopedRecord,
): boolean {
  if (!actor) return false;
  const access = ACCESS[resource][actor.role] ?? 'none';
  if (access === 'none' || (operation === 'write' && access !== 'write')) return false;
  if (actor.role !== 'county_staff' || !record) return true;
  if (record.countyId === actor.countyId) return true;
  return record.countyId === null && operation === 'read';
}

/** The county every query of this actor is confined to; null means all counties. */
export function countyScope(actor: Actor): number | null {
  return actor.role === 'county_staff' ? actor.countyId : null;
}

/** Leaders never see petitioners' personal data (ID number, phone, address): they read figures, not files. */
export function maySeePersonalData(actor: Actor): boolean {
  return actor.role !== 'leader';
}
