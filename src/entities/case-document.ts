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
import { PetitionCase } from './petition-case.js';
import { CASE_DOCUMENT_KINDS, type CaseDocumentKind } from '../domain/vocabulary.js';

@Entity('case_document')
@Check('ck_case_document_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_case_document_voided_by', ['voidedById'])
@Check('ck_case_document_file', `(storage_key IS NULL) = (file_size IS NULL)`)
@Index('ix_case_document_case', ['caseId'])
@Index('ix_case_document_county', ['countyId'])
@Index('ix_case_document_created_by', ['createdById'])
@Index('ix_case_document_kind', ['kind'])
@Index('ix_case_document_case_signed_on', ['caseId', 'signedOn'])
export class CaseDocument extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'case_id' })
  caseId: number;

  @ManyToOne(() => PetitionCase, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_document_case' })
  petitionCase: Relation<PetitionCase>;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_case_document_county' })
  county: Relation<Organization>;

  @Column({
    type: 'enum',
    name: 'kind',
    enum: [...CASE_DOCUMENT_KINDS],
    enumName: 'case_document_kind',
  })
  kind: CaseDocumentKind;

  @Column({ type: 'varchar', name: 'title', length: 200 })
  title: string;

  @Column({ type: 'date', name: 'signed_on', nullable: true })
  signedOn: string | null;

  @Column({ type: 'text', name: 'content', nullable: true })
  content: string | null;

  @Column({ type: 'varchar', name: 'file_name', length: 200, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', name: 'storage_key', length: 100, nullable: true })
  storageKey: string | null;

  @Column({ type: 'varchar', name: 'mime_type', length: 60, nullable: true })
  mimeType: string | null;

  @Column({ type: 'integer', name: 'file_size', nullable: true })
  fileSize: number | null;

  @Column({ type: 'char', name: 'sha256', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'integer', name: 'created_by', nullable: true })
  createdById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_case_document_created_by' })
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
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_case_document_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
