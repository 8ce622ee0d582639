import {
  BaseEntity,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AdminUser } from './admin-user.js';
import { Organization } from './organization.js';

@Entity('audit_log')
@Index('ix_audit_log_at', ['at'])
@Index('ix_audit_log_user', ['userId'])
@Index('ix_audit_log_county', ['countyId'])
@Index('ix_audit_log_resource', ['resource', 'recordId'])
export class AuditLog extends BaseEntity {
  /** bigserial: pg returns int8 as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'id' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'at', default: () => 'now()' })
  at: Date;

  @Column({ type: 'integer', name: 'user_id', nullable: true })
  userId: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_audit_log_user' })
  user: Relation<AdminUser> | null;

  /** Kept beside user_id so the trail still reads after the user is gone or renamed. */
  @Column({ type: 'varchar', name: 'user_email', length: 120, nullable: true })
  userEmail: string | null;

  @Column({ type: 'varchar', name: 'action', length: 40 })
  action: string;

  @Column({ type: 'varchar', name: 'resource', length: 40 })
  resource: string;

  @Column({ type: 'varchar', name: 'record_id', length: 40, nullable: true })
  recordId: string | null;

  @Column({ type: 'integer', name: 'county_id', nullable: true })
  countyId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_audit_log_county' })
  county: Relation<Organization> | null;

  @Column({ type: 'jsonb', name: 'changes', nullable: true })
  changes: Record<string, unknown> | null;

  @Column({ type: 'varchar', name: 'ip', length: 45, nullable: true })
  ip: string | null;
}
