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
import { Organization } from './organization.js';
import { REPORT_STATUSES, type ReportStatus } from '../domain/vocabulary.js';

/** 案件结案统计表 (附件7): due at the city federation by 20 December; a returned report gets a new version. */
@Entity('annual_report')
@Check('ck_annual_report_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_annual_report_voided_by', ['voidedById'])
@Unique('uq_annual_report_county_year_version', ['countyId', 'year', 'version'])
// one live version that is not returned per county and year (附件7: one table per county and year)
@Index('uq_annual_report_live', ['countyId', 'year'], {
  unique: true,
  where: `voided_at IS NULL AND status <> 'returned'`,
})
@Check('ck_annual_report_year', `year BETWEEN 2014 AND 2100`)
@Index('ix_annual_report_submitted_by', ['submittedById'])
@Index('ix_annual_report_reviewed_by', ['reviewedById'])
@Index('ix_annual_report_year', ['year'])
@Index('ix_annual_report_status', ['status'])
export class AnnualReport extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_annual_report_county' })
  county: Relation<Organization>;

  @Column({ type: 'integer', name: 'year' })
  year: number;

  @Column({ type: 'integer', name: 'version', default: 1 })
  version: number;

  @Column({ type: 'enum', name: 'status', enum: [...REPORT_STATUSES], enumName: 'report_status', default: 'draft' })
  status: ReportStatus;

  @Column({ type: 'jsonb', name: 'figures', default: () => "'{}'" })
  figures: Record<string, unknown>;

  @Column({ type: 'text', name: 'remarks', nullable: true })
  remarks: string | null;

  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'integer', name: 'submitted_by', nullable: true })
  submittedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'fk_annual_report_submitted_by' })
  submittedBy: Relation<AdminUser> | null;

  @Column({ type: 'boolean', name: 'is_late', default: false })
  isLate: boolean;

  @Column({ type: 'timestamptz', name: 'reviewed_at', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'integer', name: 'reviewed_by', nullable: true })
  reviewedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'reviewed_by', foreignKeyConstraintName: 'fk_annual_report_reviewed_by' })
  reviewedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'return_reason', nullable: true })
  returnReason: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_annual_report_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
