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
import { Organization } from './organization.js';
import { USER_ROLES, type UserRole } from '../domain/vocabulary.js';

@Entity('admin_user')
@Unique('uq_admin_user_email', ['email'])
@Check('ck_admin_user_county', `(role = 'county_staff') = (county_id IS NOT NULL)`)
@Index('ix_admin_user_county', ['countyId'])
export class AdminUser extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'varchar', name: 'email', length: 120 })
  email: string;

  @Column({ type: 'varchar', name: 'name', length: 50 })
  name: string;

  @Column({ type: 'varchar', name: 'password_hash', length: 100 })
  passwordHash: string;

  @Column({ type: 'enum', name: 'role', enum: [...USER_ROLES], enumName: 'user_role' })
  role: UserRole;

  @Column({ type: 'integer', name: 'county_id', nullable: true })
  countyId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_admin_user_county' })
  county: Relation<Organization> | null;

  @Column({ type: 'boolean', name: 'is_active', default: true })
  isActive: boolean;

  @Column({ type: 'integer', name: 'failed_logins', default: 0 })
  failedLogins: number;

  @Column({ type: 'timestamptz', name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true })
  lastLoginAt: Date | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
