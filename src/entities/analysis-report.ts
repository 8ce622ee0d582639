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
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { AdminUser } from './admin-user.js';
import { Organization } from './organization.js';

/** 案件分析报告 (附件6): per county and period, with date, contact person and phone. */
@Entity('analysis_report')
@Check('ck_analysis_report_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_analysis_report_voided_by', ['voidedById'])
@Check('ck_analysis_report_period', `period_end >= period_start`)
@Index('ix_analysis_report_county', ['countyId'])
@Index('ix_analysis_report_created_by', ['createdById'])
@Index('ix_analysis_report_period_start', ['periodStart'])
export class AnalysisReport extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_analysis_report_county' })
  county: Relation<Organization>;

  @Column({ type: 'date', name: 'period_start' })
  periodStart: string;

  @Column({ type: 'date', name: 'period_end' })
  periodEnd: string;

  @Column({ type: 'date', name: 'report_date' })
  reportDate: string;

  @Column({ type: 'varchar', name: 'contact_person', length: 50 })
  contactPerson: string;

  @Column({ type: 'varchar', name: 'contact_phone', length: 20 })
  contactPhone: string;

  @Column({ type: 'jsonb', name: 'figures', default: () => "'{}'" })
  figures: Record<string, unknown>;

  @Column({ type: 'text', name: 'analysis', nullable: true })
  analysis: string | null;

  @Column({ type: 'integer', name: 'created_by', nullable: true })
  createdById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_analysis_report_created_by' })
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
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_analysis_report_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
