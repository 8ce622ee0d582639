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
import type { StoredFile } from '../domain/stored-file.js';
import { STANDARD_RESULTS, type StandardResult } from '../domain/vocabulary.js';
import { AdminUser } from './admin-user.js';
import { Organization } from './organization.js';
import { WorkPoint } from './work-point.js';

/** 督导检查 (三.4): the city's visit to a county's work point, checked against the creation standards. */
@Entity('inspection')
@Check('ck_inspection_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_inspection_voided_by', ['voidedById'])
@Index('ix_inspection_county', ['countyId'])
@Index('ix_inspection_work_point', ['workPointId'])
@Index('ix_inspection_created_by', ['createdById'])
@Index('ix_inspection_inspected_on', ['inspectedOn'])
export class Inspection extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_inspection_county' })
  county: Relation<Organization>;

  @Column({ type: 'integer', name: 'work_point_id' })
  workPointId: number;

  @ManyToOne(() => WorkPoint, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'work_point_id', foreignKeyConstraintName: 'fk_inspection_work_point' })
  workPoint: Relation<WorkPoint>;

  @Column({ type: 'varchar', name: 'title', length: 100 })
  title: string;

  @Column({ type: 'date', name: 'inspected_on' })
  inspectedOn: string;

  @Column({ type: 'varchar', name: 'inspectors', length: 200 })
  inspectors: string;

  @Column({ type: 'enum', name: 'overall_result', enum: [...STANDARD_RESULTS], enumName: 'standard_result' })
  overallResult: StandardResult;

  @Column({ type: 'text', name: 'summary', nullable: true })
  summary: string | null;

  @Column({ type: 'jsonb', name: 'files', default: () => "'[]'" })
  files: StoredFile[];

  @Column({ type: 'integer', name: 'created_by', nullable: true })
  createdById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_inspection_created_by' })
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
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_inspection_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
