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
  VersionColumn,
  type Relation,
} from 'typeorm';
import { AdminUser } from './admin-user.js';
import { Agent } from './agent.js';
import { Organization } from './organization.js';
import { Training } from './training.js';

@Entity('training_attendance')
@Check('ck_training_attendance_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_training_attendance_voided_by', ['voidedById'])
@Unique('uq_training_attendance', ['trainingId', 'agentId'])
@Index('ix_training_attendance_agent', ['agentId'])
@Index('ix_training_attendance_county', ['countyId'])
export class TrainingAttendance extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'training_id' })
  trainingId: number;

  @ManyToOne(() => Training, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'training_id', foreignKeyConstraintName: 'fk_training_attendance_training' })
  training: Relation<Training>;

  @Column({ type: 'integer', name: 'agent_id' })
  agentId: number;

  @ManyToOne(() => Agent, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_training_attendance_agent' })
  agent: Relation<Agent>;

  /** The attending agent's county (for scoping), not the training's. */
  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_training_attendance_county' })
  county: Relation<Organization>;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_training_attendance_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
