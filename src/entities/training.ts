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
import { Organization } from './organization.js';

/** A training session; county NULL means organised by the city. */
@Entity('training')
@Check('ck_training_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_training_voided_by', ['voidedById'])
@Check('ck_training_hours', `hours > 0 AND hours <= 100`)
@Index('ix_training_county', ['countyId'])
@Index('ix_training_held_on', ['heldOn'])
export class Training extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id', nullable: true })
  countyId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_training_county' })
  county: Relation<Organization> | null;

  @Column({ type: 'varchar', name: 'title', length: 200 })
  title: string;

  @Column({ type: 'date', name: 'held_on' })
  heldOn: string;

  @Column({ type: 'varchar', name: 'organizer', length: 100 })
  organizer: string;

  /** numeric(4,1): pg returns it as a string. */
  @Column({ type: 'numeric', name: 'hours', precision: 4, scale: 1 })
  hours: string;

  @Column({ type: 'varchar', name: 'location', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'text', name: 'content', nullable: true })
  content: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_training_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
