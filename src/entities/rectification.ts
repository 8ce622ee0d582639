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
import {
  INSPECTION_STANDARDS,
  RECTIFICATION_STATUSES,
  type InspectionStandard,
  type RectificationStatus,
} from '../domain/vocabulary.js';
import { AdminUser } from './admin-user.js';
import { Inspection } from './inspection.js';
import { Organization } from './organization.js';

/** One item of an inspection's rectification list: the city sets it and its due date, the county does it. */
@Entity('rectification')
@Check('ck_rectification_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_rectification_voided_by', ['voidedById'])
@Check(
  'ck_rectification_done',
  `(status = 'done') = (done_on IS NOT NULL) AND (status = 'open' OR evidence IS NOT NULL)`,
)
@Index('ix_rectification_inspection', ['inspectionId'])
@Index('ix_rectification_county', ['countyId'])
@Index('ix_rectification_done_by', ['doneById'])
@Index('ix_rectification_status', ['status'])
@Index('ix_rectification_due_on', ['dueOn'])
export class Rectification extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'inspection_id' })
  inspectionId: number;

  @ManyToOne(() => Inspection, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'inspection_id', foreignKeyConstraintName: 'fk_rectification_inspection' })
  inspection: Relation<Inspection>;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_rectification_county' })
  county: Relation<Organization>;

  @Column({
    type: 'enum',
    name: 'standard',
    enum: [...INSPECTION_STANDARDS],
    enumName: 'inspection_standard',
    nullable: true,
  })
  standard: InspectionStandard | null;

  @Column({ type: 'text', name: 'item' })
  item: string;

  @Column({ type: 'date', name: 'due_on' })
  dueOn: string;

  @Column({
    type: 'enum',
    name: 'status',
    enum: [...RECTIFICATION_STATUSES],
    enumName: 'rectification_status',
    default: 'open',
  })
  status: RectificationStatus;

  @Column({ type: 'date', name: 'done_on', nullable: true })
  doneOn: string | null;

  @Column({ type: 'text', name: 'evidence', nullable: true })
  evidence: string | null;

  @Column({ type: 'integer', name: 'done_by', nullable: true })
  doneById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'done_by', foreignKeyConstraintName: 'fk_rectification_done_by' })
  doneBy: Relation<AdminUser> | null;

  @Column({ type: 'jsonb', name: 'files', default: () => "'[]'" })
  files: StoredFile[];

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_rectification_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
