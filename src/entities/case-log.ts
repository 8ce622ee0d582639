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
  VersionColumn,
  type Relation,
} from 'typeorm';
import { AdminUser } from './admin-user.js';
import { Organization } from './organization.js';
import { PetitionCase } from './petition-case.js';

/** 办案记录 (附件4): one line of the case-handling record. */
@Entity('case_log')
@Check('ck_case_log_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_case_log_voided_by', ['voidedById'])
@Index('ix_case_log_case', ['caseId'])
@Index('ix_case_log_county', ['countyId'])
@Index('ix_case_log_created_by', ['createdById'])
@Index('ix_case_log_logged_on', ['loggedOn'])
@Index('ix_case_log_case_logged_on', ['caseId', 'loggedOn'])
export class CaseLog extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'case_id' })
  caseId: number;

  @ManyToOne(() => PetitionCase, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_log_case' })
  petitionCase: Relation<PetitionCase>;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_case_log_county' })
  county: Relation<Organization>;

  @Column({ type: 'date', name: 'logged_on' })
  loggedOn: string;

  @Column({ type: 'varchar', name: 'handler', length: 50 })
  handler: string;

  @Column({ type: 'varchar', name: 'department', length: 100, nullable: true })
  department: string | null;

  @Column({ type: 'text', name: 'action' })
  action: string;

  @Column({ type: 'text', name: 'result', nullable: true })
  result: string | null;

  @Column({ type: 'integer', name: 'created_by', nullable: true })
  createdById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_case_log_created_by' })
  createdBy: Relation<AdminUser> | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_case_log_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
