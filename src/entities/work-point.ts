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

/** 工作阵地: one per county (×××县（市、区）妇女信访代理工作点). */
@Entity('work_point')
@Check('ck_work_point_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_work_point_voided_by', ['voidedById'])
@Unique('uq_work_point_county', ['countyId'])
export class WorkPoint extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_work_point_county' })
  county: Relation<Organization>;

  @Column({ type: 'varchar', name: 'name', length: 100 })
  name: string;

  @Column({ type: 'varchar', name: 'address', length: 200, nullable: true })
  address: string | null;

  @Column({ type: 'varchar', name: 'phone', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'date', name: 'established_on', nullable: true })
  establishedOn: string | null;

  @Column({ type: 'boolean', name: 'unified_process', default: false })
  unifiedProcess: boolean;

  @Column({ type: 'boolean', name: 'unified_standard', default: false })
  unifiedStandard: boolean;

  @Column({ type: 'boolean', name: 'plaque_hung', default: false })
  plaqueHung: boolean;

  @Column({ type: 'boolean', name: 'rules_on_wall', default: false })
  rulesOnWall: boolean;

  @Column({ type: 'boolean', name: 'process_on_wall', default: false })
  processOnWall: boolean;

  @Column({ type: 'boolean', name: 'in_party_petition_work', default: false })
  inPartyPetitionWork: boolean;

  @Column({ type: 'boolean', name: 'joint_meeting_mechanism', default: false })
  jointMeetingMechanism: boolean;

  @Column({ type: 'boolean', name: 'is_pilot', default: false })
  isPilot: boolean;

  @Column({ type: 'integer', name: 'pilot_year', nullable: true })
  pilotYear: number | null;

  @Column({ type: 'text', name: 'pilot_experience', nullable: true })
  pilotExperience: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_work_point_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
