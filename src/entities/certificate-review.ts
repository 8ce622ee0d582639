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
import { Certificate } from './certificate.js';
import { Organization } from './organization.js';

export const REVIEW_RESULTS = ['passed', 'failed'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** 一年一审核: the yearly review of an agent's certificate. */
@Entity('certificate_review')
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

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;
}
