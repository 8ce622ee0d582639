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
import { WORK_SYSTEM_KINDS, type WorkSystemKind } from '../domain/vocabulary.js';

@Entity('work_system')
@Check('ck_work_system_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_work_system_voided_by', ['voidedById'])
@Unique('uq_work_system_county_kind', ['countyId', 'kind'])
export class WorkSystem extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_work_system_county' })
  county: Relation<Organization>;

  @Column({ type: 'enum', name: 'kind', enum: [...WORK_SYSTEM_KINDS], enumName: 'work_system_kind' })
  kind: WorkSystemKind;

  @Column({ type: 'date', name: 'adopted_on' })
  adoptedOn: string;

  @Column({ type: 'varchar', name: 'document_no', length: 60, nullable: true })
  documentNo: string | null;

  @Column({ type: 'text', name: 'summary', nullable: true })
  summary: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_work_system_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
