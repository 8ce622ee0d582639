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
  type Relation,
} from 'typeorm';
import { Agent } from './agent.js';
import { Organization } from './organization.js';
import { Training } from './training.js';

@Entity('training_attendance')
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

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
