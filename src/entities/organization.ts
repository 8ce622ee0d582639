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
import { ORG_LEVELS, type OrgLevel } from '../domain/vocabulary.js';

/** 市 → 县（市、区）→ 乡（镇、街道办事处）→ 村（社区）, coded by GB/T 2260. */
@Entity('organization')
@Check('ck_organization_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_organization_voided_by', ['voidedById'])
@Unique('uq_organization_code', ['code'])
@Check('ck_organization_code', `code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'`)
@Check('ck_organization_parent', `(level = 'city') = (parent_id IS NULL)`)
@Check('ck_organization_county', `(level = 'city') = (county_id IS NULL)`)
@Index('ix_organization_parent', ['parentId'])
@Index('ix_organization_county', ['countyId'])
@Index('ix_organization_level', ['level'])
export class Organization extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'varchar', name: 'code', length: 12 })
  code: string;

  @Column({ type: 'varchar', name: 'name', length: 100 })
  name: string;

  @Column({ type: 'varchar', name: 'short_name', length: 20, nullable: true })
  shortName: string | null;

  @Column({ type: 'enum', name: 'level', enum: [...ORG_LEVELS], enumName: 'org_level' })
  level: OrgLevel;

  @Column({ type: 'integer', name: 'parent_id', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_organization_parent' })
  parent: Relation<Organization> | null;

  /** The county-level unit this row belongs to (itself for a county); NULL only for the city. */
  @Column({ type: 'integer', name: 'county_id', nullable: true })
  countyId: number | null;

  @ManyToOne(() => Organization, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_organization_county' })
  county: Relation<Organization> | null;

  @Column({ type: 'varchar', name: 'contact_person', length: 50, nullable: true })
  contactPerson: string | null;

  @Column({ type: 'varchar', name: 'contact_phone', length: 20, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', name: 'address', length: 200, nullable: true })
  address: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_organization_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
