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
import { EVALUATION_RESULTS, type EvaluationResult } from '../domain/vocabulary.js';

/** A county's yearly evaluation against the creation standards (创建标准). */
@Entity('evaluation')
@Check('ck_evaluation_void', `(voided_at IS NULL) = (void_reason IS NULL)`)
@Index('ix_evaluation_voided_by', ['voidedById'])
@Unique('uq_evaluation_county_year', ['countyId', 'year'])
// 一票否决 needs its reason
@Check('ck_evaluation_veto', `NOT veto OR veto_reason IS NOT NULL`)
@Index('ix_evaluation_year', ['year'])
export class Evaluation extends BaseEntity {
  @PrimaryGeneratedColumn({ type: 'integer', name: 'id' })
  id: number;

  @Column({ type: 'integer', name: 'county_id' })
  countyId: number;

  @ManyToOne(() => Organization, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'county_id', foreignKeyConstraintName: 'fk_evaluation_county' })
  county: Relation<Organization>;

  @Column({ type: 'integer', name: 'year' })
  year: number;

  @Column({ type: 'jsonb', name: 'scores', default: () => "'{}'" })
  scores: Record<string, unknown>;

  /** numeric(5,1): pg returns it as a string. */
  @Column({ type: 'numeric', name: 'total_score', precision: 5, scale: 1, default: 0 })
  totalScore: string;

  @Column({ type: 'boolean', name: 'veto', default: false })
  veto: boolean;

  @Column({ type: 'text', name: 'veto_reason', nullable: true })
  vetoReason: string | null;

  @Column({
    type: 'enum',
    name: 'result',
    enum: [...EVALUATION_RESULTS],
    enumName: 'evaluation_result',
    nullable: true,
  })
  result: EvaluationResult | null;

  @Column({ type: 'integer', name: 'rank', nullable: true })
  rank: number | null;

  /** optimistic lock: every save adds one; a save on an older version is refused (no change lost unseen) */
  @VersionColumn({ type: 'integer', name: 'row_version', default: 1 })
  rowVersion: number;

  /** 作废: an official record is never deleted; voided, it is hidden from lists and restorable by the city */
  @Column({ type: 'timestamptz', name: 'voided_at', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'integer', name: 'voided_by', nullable: true })
  voidedById: number | null;

  @ManyToOne(() => AdminUser, { nullable: true, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'voided_by', foreignKeyConstraintName: 'fk_evaluation_voided_by' })
  voidedBy: Relation<AdminUser> | null;

  @Column({ type: 'text', name: 'void_reason', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at', default: () => 'now()' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;
}
