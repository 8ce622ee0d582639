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
import type { StoredFile } from '../domain/stored-file.js';
import { AdminUser } from './admin-user.js';
import { Organization } from './organization.js';
import { NOTICE_STATUSES, type NoticeStatus } from '../domain/vocabulary.js';

/**
 * 通知公告: the channel that replaced the agents' group (二(五)). county NULL: sent by the city to the
 * chosen counties (none chosen: all); a county's notice goes to its own staff.
 */
@Entity('notice')
@Check('ck_notice_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_notice_voided_by', ['voidedById'])
@Check('ck_notice_published', `(status = 'published') = (published_at IS NOT NULL)`)
@Index('ix_notice_county', ['countyId'])
@Index('ix_notice_published_by', ['publishedById'])
@Index('ix_notice_created_by', ['createdById'])
@Index('ix_notice_status', ['status'])
@Index('ix_notice_published_at', ['publishedAt'])
export class Notice extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id', nullable: true })
  countyId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_notice_county' })
  county: Relation<Organization> | null;

  @Column({ type: 'varchar', name: 'title', length: 200 })
  title: string;

  @Column({ type: 'text', name: 'body' })
  body: string;

  @Column({ type: 'enum', name: 'status', enum: [...NOTICE_STATUSES], enumName: 'notice_status', default: 'draft' })
  status: NoticeStatus;

  @Column({ type: 'integer', name: 'target_county_ids', array: true, nullable: true })
  targetCountyIds: number[] | null;

  @Column({ type: 'jsonb', name: 'files', default: () => "'[]'" })
  files: StoredFile[];

  @Column({ type: 'timestamptz', name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer', name: 'published_by', nullable: true })
  publishedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'fk_notice_published_by' })
  publishedBy: Relation<AdminUser> | null;

  @Column({ type: 'integer', name: 'created_by', nullable: true })
  createdById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_notice_created_by' })
  createdBy: Relation<AdminUser> | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_notice_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
