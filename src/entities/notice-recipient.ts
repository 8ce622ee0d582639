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
import { Notice } from './notice.js';
import { Organization } from './organization.js';

/** A county a published notice is addressed to, and whether (and by whom) it has been read there. */
@Entity('notice_recipient')
@Unique('uq_notice_recipient_notice_county', ['noticeId', 'countyId'])
@Check('ck_notice_recipient_read', `(read_at IS NULL) = (read_by IS NULL)`)
@Index('ix_notice_recipient_notice', ['noticeId'])
@Index('ix_notice_recipient_county', ['countyId'])
@Index('ix_notice_recipient_read_by', ['readById'])
@Index('ix_notice_recipient_read_at', ['readAt'])
export class NoticeRecipient extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'notice_id' })
  noticeId: number;

  @ManyToOne(() => Notice, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_notice_recipient_notice' })
  notice: Relation<Notice>;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_notice_recipient_county' })
  county: Relation<Organization>;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;

  @Column({ type: 'integer', name: 'read_by', nullable: true })
  readById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'read_by', foreignKeyConstraintName: 'fk_notice_recipient_read_by' })
  readBy: Relation<AdminUser> | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
