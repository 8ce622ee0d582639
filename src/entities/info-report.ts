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
import { INFO_REPORT_KINDS, type InfoReportKind } from '../domain/vocabulary.js';

/** 信息上报: a county's work update or typical case; the city comments on it and may adopt it (采用). */
@Entity('info_report')
@Check('ck_info_report_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_info_report_voided_by', ['voidedById'])
@Check('ck_info_report_adopted', `adopted = (adopted_at IS NOT NULL)`)
@Index('ix_info_report_county', ['countyId'])
@Index('ix_info_report_commented_by', ['commentedById'])
@Index('ix_info_report_adopted_by', ['adoptedById'])
@Index('ix_info_report_created_by', ['createdById'])
@Index('ix_info_report_submitted_on', ['submittedOn'])
@Index('ix_info_report_kind', ['kind'])
@Index('ix_info_report_adopted', ['adopted'])
export class InfoReport extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_info_report_county' })
  county: Relation<Organization>;

  @Column({ type: 'enum', name: 'kind', enum: [...INFO_REPORT_KINDS], enumName: 'info_report_kind' })
  kind: InfoReportKind;

  @Column({ type: 'varchar', name: 'title', length: 200 })
  title: string;

  @Column({ type: 'text', name: 'content' })
  content: string;

  @Column({ type: 'date', name: 'submitted_on' })
  submittedOn: string;

  @Column({ type: 'boolean', name: 'personal_data_requested', default: false })
  personalDataRequested: boolean;

  @Column({ type: 'text', name: 'city_comment', nullable: true })
  cityComment: string | null;

  @Column({ type: 'timestamptz', name: 'commented_at', nullable: true })
  commentedAt: Date | null;

  @Column({ type: 'integer', name: 'commented_by', nullable: true })
  commentedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'commented_by', foreignKeyConstraintName: 'fk_info_report_commented_by' })
  commentedBy: Relation<AdminUser> | null;

  @Column({ type: 'boolean', name: 'adopted', default: false })
  adopted: boolean;

  @Column({ type: 'timestamptz', name: 'adopted_at', nullable: true })
  adoptedAt: Date | null;

  @Column({ type: 'integer', name: 'adopted_by', nullable: true })
  adoptedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'adopted_by', foreignKeyConstraintName: 'fk_info_report_adopted_by' })
  adoptedBy: Relation<AdminUser> | null;

  @Column({ type: 'integer', name: 'created_by', nullable: true })
  createdById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_info_report_created_by' })
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
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_info_report_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
