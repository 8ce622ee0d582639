import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organization } from './organization.js';

/** 创建标准一: the six work systems a county adopts. */
export const WORK_SYSTEM_KINDS = [
  'training',
  'info_reporting',
  'feedback_visit',
  'filing_archiving',
  'evaluation_reward',
  'accountability',
] as const;
export type WorkSystemKind = (typeof WORK_SYSTEM_KINDS)[number];

@Entity('work_system')
@Unique('uq_work_system_county_kind', ['countyId', 'kind'])
export class WorkSystem extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_work_system_county' })
  county: Relation<Organization>;

  @Column({ type: 'enum', name: 'kind', enum: [...WORK_SYSTEM_KINDS], enumName: 'work_system_kind' })
  kind: WorkSystemKind;

  @Column({ type: 'date', name: 'adopted_on' })
  adoptedOn: string;

  @Column({ type: 'varchar', name: 'document_no', length: 60, nullable: true })
  documentNo: string | null;

  @Column({ type: 'text', name: 'summary', nullable: true })
  summary: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
