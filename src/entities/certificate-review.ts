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
  VersionColumn,
  type Relation,
} from 'typeorm';
import { AdminUser } from './admin-user.js';
import { Certificate } from './certificate.js';
import { Organization } from './organization.js';
import { REVIEW_RESULTS, type ReviewResult } from '../domain/vocabulary.js';

/** 一年一审核: the yearly review of an agent's certificate. */
@Entity('certificate_review')
@Check('ck_certificate_review_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_certificate_review_voided_by', ['voidedById'])
@Index('ix_certificate_review_certificate', ['certificateId'])
@Index('ix_certificate_review_county', ['countyId'])
@Index('ix_certificate_review_reviewed_on', ['reviewedOn'])
export class CertificateReview extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'certificate_id' })
  certificateId: number;

  @ManyToOne(() => Certificate, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'certificate_id', foreignKeyConstraintName: 'fk_certificate_review_certificate' })
  certificate: Relation<Certificate>;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_certificate_review_county' })
  county: Relation<Organization>;

  @Column({ type: 'date', name: 'reviewed_on' })
  reviewedOn: string;

  @Column({ type: 'enum', name: 'result', enum: [...REVIEW_RESULTS], enumName: 'review_result' })
  result: ReviewResult;

  @Column({ type: 'varchar', name: 'reviewer', length: 50, nullable: true })
  reviewer: string | null;

  @Column({ type: 'text', name: 'remarks', nullable: true })
  remarks: string | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_certificate_review_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
