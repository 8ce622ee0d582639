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
import { Agent } from './agent.js';
import { Organization } from './organization.js';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '../domain/vocabulary.js';

/** 代理员证: produced by the city, reviewed and issued by the county (持证上岗). */
@Entity('certificate')
@Check('ck_certificate_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_certificate_voided_by', ['voidedById'])
@Unique('uq_certificate_number', ['number'])
@Check('ck_certificate_issued', `issued_on IS NULL OR issued_on >= produced_on`)
@Check('ck_certificate_revoked', `(status = 'revoked') = (revoked_on IS NOT NULL)`)
@Index('ix_certificate_agent', ['agentId'])
@Index('ix_certificate_county', ['countyId'])
@Index('ix_certificate_status', ['status'])
export class Certificate extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'agent_id' })
  agentId: number;

  @ManyToOne(() => Agent, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_certificate_agent' })
  agent: Relation<Agent>;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_certificate_county' })
  county: Relation<Organization>;

  @Column({ type: 'varchar', name: 'number', length: 30 })
  number: string;

  @Column({
    type: 'enum',
    name: 'status',
    enum: [...CERTIFICATE_STATUSES],
    enumName: 'certificate_status',
    default: 'produced',
  })
  status: CertificateStatus;

  @Column({ type: 'date', name: 'produced_on' })
  producedOn: string;

  @Column({ type: 'date', name: 'issued_on', nullable: true })
  issuedOn: string | null;

  @Column({ type: 'date', name: 'revoked_on', nullable: true })
  revokedOn: string | null;

  @Column({ type: 'text', name: 'revoke_reason', nullable: true })
  revokeReason: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_certificate_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
