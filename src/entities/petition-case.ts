import {
  BaseEntity,
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { AdminUser } from './admin-user.js';
import { Agent } from './agent.js';
import { Organization } from './organization.js';
import {
  CASE_STATES,
  type CaseState,
  CASE_CATEGORIES,
  type CaseCategory,
  CASE_SOURCES,
  type CaseSource,
} from '../domain/vocabulary.js';

/** 信访代理案件: one case, one file (一案一卷). */
@Entity('petition_case')
@Check('ck_petition_case_repeat_of', `repeat_of_id <> id`)
@Check('ck_petition_case_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_petition_case_voided_by', ['voidedById'])
@Unique('uq_petition_case_case_no', ['caseNo'])
@Unique('uq_petition_case_archive_no', ['archiveNo'])
@Check('ck_petition_case_id_number', `petitioner_id_number IS NULL OR petitioner_id_number ~ '^[0-9]{17}[0-9X]$'`)
@Check('ck_petition_case_phone', `petitioner_phone IS NULL OR petitioner_phone ~ '^1[0-9]{10}$'`)
@Check('ck_petition_case_group', `is_group OR group_size IS NULL`)
// 条例第三十四条: one extension of at most 30 days
@Check('ck_petition_case_extension', `extension_days IS NULL OR extension_days BETWEEN 1 AND 30`)
@Check(
  'ck_petition_case_dates',
  `(representing_since IS NULL OR representing_since >= accepted_on)
    AND (concluded_on IS NULL OR concluded_on >= accepted_on)
    AND (reply_issued_on IS NULL OR reply_issued_on >= concluded_on)
    AND (archived_on IS NULL OR archived_on >= concluded_on)
    AND (terminated_on IS NULL OR terminated_on >= accepted_on)`,
)
@Check(
  'ck_petition_case_state_dates',
  `(state IN ('concluded', 'archived')) = (concluded_on IS NOT NULL)
    AND (state = 'archived') = (archived_on IS NOT NULL)
    AND (state = 'terminated') = (terminated_on IS NOT NULL)`,
)
@Check('ck_petition_case_reopen', `(reopened_on IS NULL) = (reopen_reason IS NULL)`)
@Check('ck_petition_case_archive_no', `state <> 'archived' OR archive_no IS NOT NULL`)
@Index('ix_petition_case_county', ['countyId'])
@Index('ix_petition_case_township', ['townshipId'])
@Index('ix_petition_case_agent', ['agentId'])
@Index('ix_petition_case_state', ['state'])
@Index('ix_petition_case_accepted_on', ['acceptedOn'])
@Index('ix_petition_case_category', ['category'])
@Index('ix_petition_case_source', ['source'])
// What the county clerk's list sorts and filters by, kept instant at a province's millions of cases
// (migrations/1764000500000_scale-indexes.ts; the due day's since migrations/1796172159507_deadlines-on-
// legal-calendar.ts); the partial (WHERE voided_at IS NULL), expression and trigram indexes are owned by
// the migrations alone
@Index('ix_petition_case_state_accepted_on', ['state', 'acceptedOn'])
@Index('ix_petition_case_county_accepted_on', { synchronize: false })
@Index('ix_petition_case_petitioner_id', { synchronize: false })
@Index('ix_petition_case_county_state_accepted_on', { synchronize: false })
// the cases a county typed in after its 附件7 was frozen (上年结转; migrations/1796218098378_late-entries-index.ts)
@Index('ix_petition_case_county_created_at', { synchronize: false })
@Index('ix_petition_case_county_case_no', { synchronize: false })
@Index('ix_petition_case_county_petitioner_name', { synchronize: false })
@Index('ix_petition_case_county_agent', { synchronize: false })
@Index('ix_petition_case_county_action_due', { synchronize: false })
@Index('ix_petition_case_action_due', { synchronize: false })
@Index('ix_petition_case_case_no_trgm', { synchronize: false })
@Index('ix_petition_case_repeat_of', { synchronize: false })
export class PetitionCase extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'varchar', name: 'case_no', length: 30 })
  caseNo: string;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_petition_case_county' })
  county: Relation<Organization>;

  @Column({ type: 'integer', name: 'township_id', nullable: true })
  townshipId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_petition_case_township' })
  township: Relation<Organization> | null;

  @Column({ type: 'integer', name: 'agent_id', nullable: true })
  agentId: number | null;

  @ManyToOne(() => Agent, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_petition_case_agent' })
  agent: Relation<Agent> | null;

  /** 重复信访 marked by hand: the earlier case of the same woman this one repeats */
  @Column({ type: 'integer', name: 'repeat_of_id', nullable: true, comment: '重复信访：本案重复的前案' })
  repeatOfId: number | null;

  @ManyToOne(() => PetitionCase, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'repeat_of_id', foreignKeyConstraintName: 'fk_petition_case_repeat_of' })
  repeatOf: Relation<PetitionCase> | null;

  @Column({ type: 'enum', name: 'state', enum: [...CASE_STATES], enumName: 'case_state', default: 'accepted' })
  state: CaseState;

  @Column({ type: 'varchar', name: 'subject', length: 200 })
  subject: string;

  @Column({ type: 'text', name: 'description', nullable: true })
  description: string | null;

  @Column({ type: 'enum', name: 'category', enum: [...CASE_CATEGORIES], enumName: 'case_category' })
  category: CaseCategory;

  @Column({ type: 'enum', name: 'source', enum: [...CASE_SOURCES], enumName: 'case_source' })
  source: CaseSource;

  @Column({ type: 'boolean', name: 'is_group', default: false })
  isGroup: boolean;

  @Column({ type: 'integer', name: 'group_size', nullable: true })
  groupSize: number | null;

  @Column({ type: 'boolean', name: 'is_key', default: false })
  isKey: boolean;

  @Column({ type: 'boolean', name: 'in_joint_meeting', default: false })
  inJointMeeting: boolean;

  @Column({ type: 'varchar', name: 'petitioner_name', length: 50 })
  petitionerName: string;

  @Column({ type: 'varchar', name: 'petitioner_id_number', length: 18, nullable: true })
  petitionerIdNumber: string | null;

  @Column({ type: 'varchar', name: 'petitioner_phone', length: 11, nullable: true })
  petitionerPhone: string | null;

  @Column({ type: 'varchar', name: 'petitioner_address', length: 200, nullable: true })
  petitionerAddress: string | null;

  @Column({ type: 'varchar', name: 'respondent_department', length: 100, nullable: true })
  respondentDepartment: string | null;

  @Column({ type: 'date', name: 'accepted_on' })
  acceptedOn: string;

  @Column({ type: 'date', name: 'acceptance_notified_on', nullable: true })
  acceptanceNotifiedOn: string | null;

  @Column({ type: 'date', name: 'agreement_signed_on', nullable: true })
  agreementSignedOn: string | null;

  @Column({ type: 'date', name: 'notified_on', nullable: true })
  notifiedOn: string | null;

  @Column({ type: 'date', name: 'representing_since', nullable: true })
  representingSince: string | null;

  @Column({ type: 'integer', name: 'extension_days', nullable: true })
  extensionDays: number | null;

  @Column({ type: 'varchar', name: 'extension_approved_by', length: 50, nullable: true })
  extensionApprovedBy: string | null;

  @Column({ type: 'text', name: 'extension_reason', nullable: true })
  extensionReason: string | null;

  @Column({ type: 'date', name: 'extension_notified_on', nullable: true })
  extensionNotifiedOn: string | null;

  @Column({ type: 'date', name: 'concluded_on', nullable: true })
  concludedOn: string | null;

  @Column({ type: 'text', name: 'outcome', nullable: true })
  outcome: string | null;

  @Column({ type: 'date', name: 'reply_issued_on', nullable: true })
  replyIssuedOn: string | null;

  @Column({ type: 'date', name: 'review_requested_on', nullable: true })
  reviewRequestedOn: string | null;

  @Column({ type: 'varchar', name: 'review_department', length: 100, nullable: true })
  reviewDepartment: string | null;

  @Column({ type: 'date', name: 'review_answered_on', nullable: true })
  reviewAnsweredOn: string | null;

  /** 附件2 第五条: she declined in writing to ask for a review; the file may be archived from then on */
  @Column({
    type: 'date',
    name: 'review_declined_on',
    nullable: true,
    comment: '信访人书面放弃复查的日期（协议第五条）',
  })
  reviewDeclinedOn: string | null;

  @Column({ type: 'date', name: 'archived_on', nullable: true })
  archivedOn: string | null;

  @Column({ type: 'varchar', name: 'archive_no', length: 40, nullable: true })
  archiveNo: string | null;

  @Column({ type: 'date', name: 'terminated_on', nullable: true })
  terminatedOn: string | null;

  @Column({ type: 'text', name: 'termination_reason', nullable: true })
  terminationReason: string | null;

  @Column({ type: 'varchar', name: 'termination_reported_to', length: 100, nullable: true })
  terminationReportedTo: string | null;

  /** 重新打开: the last time the city reopened the archived file, and why (an archived 一案一卷 file is locked) */
  @Column({ type: 'date', name: 'reopened_on', nullable: true })
  reopenedOn: string | null;

  @Column({ type: 'text', name: 'reopen_reason', nullable: true })
  reopenReason: string | null;

  /**
   * The last day of the office's next deadline on the legal calendar (src/domain/case-deadlines.ts), kept by
   * the trigger tr_petition_case_action_due_on for the 已超期/即将到期 filters; never written by the app
   */
  @Column({
    type: 'date',
    name: 'action_due_on',
    nullable: true,
    insert: false,
    update: false,
    comment: '最近一项应办期限的最后一日（法定节假日顺延；触发器维护，供已超期/即将到期筛选）',
  })
  actionDueOn: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_petition_case_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
