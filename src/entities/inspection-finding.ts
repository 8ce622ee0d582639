import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { INSPECTION_STANDARDS, STANDARD_RESULTS, type InspectionStandard, type StandardResult } from '../domain/supervision-rules.js';
import { Inspection } from './inspection.js';
import { Organization } from './organization.js';

/** What the inspectors found for one of the five creation standards. */
@Entity('inspection_finding')
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

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
