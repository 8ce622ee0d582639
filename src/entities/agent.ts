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
import { Organization } from './organization.js';
import { GENDERS, type Gender, AGENT_STATUSES, type AgentStatus } from '../domain/vocabulary.js';

/** 妇女信访代理员. */
@Entity('agent')
@Check('ck_agent_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_agent_voided_by', ['voidedById'])
@Unique('uq_agent_id_number', ['idNumber'])
@Check('ck_agent_phone', `phone ~ '^1[0-9]{10}$'`)
@Check('ck_agent_id_number', `id_number ~ '^[0-9]{17}[0-9X]$'`)
@Index('ix_agent_county', ['countyId'])
@Index('ix_agent_township', ['townshipId'])
@Index('ix_agent_village', ['villageId'])
@Index('ix_agent_name', ['name'])
// partial (WHERE voided_at IS NULL): owned by migrations/1764000500000_scale-indexes.ts
@Index('ix_agent_county_name', { synchronize: false })
export class Agent extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_agent_county' })
  county: Relation<Organization>;

  @Column({ type: 'integer', name: 'township_id' })
  townshipId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'township_id', foreignKeyConstraintName: 'fk_agent_township' })
  township: Relation<Organization>;

  @Column({ type: 'integer', name: 'village_id', nullable: true })
  villageId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'village_id', foreignKeyConstraintName: 'fk_agent_village' })
  village: Relation<Organization> | null;

  @Column({ type: 'varchar', name: 'name', length: 50 })
  name: string;

  @Column({ type: 'enum', name: 'gender', enum: [...GENDERS], enumName: 'gender', default: 'female' })
  gender: Gender;

  @Column({ type: 'varchar', name: 'id_number', length: 18 })
  idNumber: string;

  @Column({ type: 'varchar', name: 'phone', length: 11 })
  phone: string;

  @Column({ type: 'varchar', name: 'employer', length: 100, nullable: true })
  employer: string | null;

  @Column({ type: 'date', name: 'appointed_on' })
  appointedOn: string;

  @Column({ type: 'enum', name: 'status', enum: [...AGENT_STATUSES], enumName: 'agent_status', default: 'active' })
  status: AgentStatus;

  @Column({ type: 'text', name: 'remarks', nullable: true })
  remarks: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_agent_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
