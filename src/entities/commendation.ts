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
import { Agent } from './agent.js';
import { Organization } from './organization.js';
import { WorkPoint } from './work-point.js';
import {
  COMMENDATION_KINDS,
  type CommendationKind,
  COMMENDATION_STATUSES,
  type CommendationStatus,
} from '../domain/vocabulary.js';

/** 表彰奖励 of an outstanding work point or agent. */
@Entity('commendation')
@Check('ck_commendation_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_commendation_voided_by', ['voidedById'])
@Check(
  'ck_commendation_subject',
  `(kind = 'work_point' AND work_point_id IS NOT NULL AND agent_id IS NULL)
    OR (kind = 'agent' AND agent_id IS NOT NULL AND work_point_id IS NULL)`,
)
@Index('ix_commendation_county', ['countyId'])
@Index('ix_commendation_work_point', ['workPointId'])
@Index('ix_commendation_agent', ['agentId'])
@Index('ix_commendation_year', ['year'])
export class Commendation extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'year' })
  year: number;

  @Column({ type: 'enum', name: 'kind', enum: [...COMMENDATION_KINDS], enumName: 'commendation_kind' })
  kind: CommendationKind;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_commendation_county' })
  county: Relation<Organization>;

  @Column({ type: 'integer', name: 'work_point_id', nullable: true })
  workPointId: number | null;

  @ManyToOne(() => WorkPoint, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'work_point_id', foreignKeyConstraintName: 'fk_commendation_work_point' })
  workPoint: Relation<WorkPoint> | null;

  @Column({ type: 'integer', name: 'agent_id', nullable: true })
  agentId: number | null;

  @ManyToOne(() => Agent, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_commendation_agent' })
  agent: Relation<Agent> | null;

  @Column({ type: 'text', name: 'reason' })
  reason: string;

  @Column({
    type: 'enum',
    name: 'status',
    enum: [...COMMENDATION_STATUSES],
    enumName: 'commendation_status',
    default: 'proposed',
  })
  status: CommendationStatus;

  @Column({ type: 'date', name: 'approved_on', nullable: true })
  approvedOn: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_commendation_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
