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
import {
  INSPECTION_STANDARDS,
  STANDARD_RESULTS,
  type InspectionStandard,
  type StandardResult,
} from '../domain/vocabulary.js';
import { Inspection } from './inspection.js';
import { Organization } from './organization.js';

/** What the inspectors found for one of the five creation standards. */
@Entity('inspection_finding')
@Check('ck_inspection_finding_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_inspection_finding_voided_by', ['voidedById'])
@Unique('uq_inspection_finding_inspection_standard', ['inspectionId', 'standard'])
@Index('ix_inspection_finding_inspection', ['inspectionId'])
@Index('ix_inspection_finding_county', ['countyId'])
@Index('ix_inspection_finding_result', ['result'])
export class InspectionFinding extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'inspection_id' })
  inspectionId: number;

  @ManyToOne(() => Inspection, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'inspection_id', foreignKeyConstraintName: 'fk_inspection_finding_inspection' })
  inspection: Relation<Inspection>;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_inspection_finding_county' })
  county: Relation<Organization>;

  @Column({ type: 'enum', name: 'standard', enum: [...INSPECTION_STANDARDS], enumName: 'inspection_standard' })
  standard: InspectionStandard;

  @Column({ type: 'enum', name: 'result', enum: [...STANDARD_RESULTS], enumName: 'standard_result' })
  result: StandardResult;

  @Column({ type: 'text', name: 'finding' })
  finding: string;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_inspection_finding_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
