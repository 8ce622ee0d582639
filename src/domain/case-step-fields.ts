import type { CaseFacts } from './case-workflow.js';

// The facts the case's steps record, named once: the workflow reads them all, the case page (a browser
// component, which takes this file into its bundle: no runtime import here) shows them by part of the file.

/** 代理: the agreement, the notice to her, representation and any extension of the time limit. */
export const REPRESENTATION_FIELDS = [
  'agreementSignedOn',
  'notifiedOn',
  'representingSince',
  'extensionDays',
  'extensionApprovedBy',
  'extensionReason',
  'extensionNotifiedOn',
] as const satisfies readonly (keyof CaseFacts)[];

/** The dates and notes of the case's steps, in the order the steps are taken. */
export const CASE_STEP_FIELDS = [
  'acceptedOn',
  'acceptanceNotifiedOn',
  ...REPRESENTATION_FIELDS,
  'concludedOn',
  'outcome',
  'replyIssuedOn',
  'reviewRequestedOn',
  'reviewDepartment',
  'reviewAnsweredOn',
  'reviewDeclinedOn',
  'archivedOn',
  'archiveNo',
  'terminatedOn',
  'terminationReason',
  'terminationReportedTo',
  'reopenedOn',
  'reopenReason',
] as const satisfies readonly (keyof CaseFacts)[];
