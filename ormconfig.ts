import { DataSource } from 'typeorm';
import {
  AdminUser,
  Agent,
  AnalysisReport,
  AnnualReport,
  AuditLog,
  CaseDocument,
  CaseLog,
  Certificate,
  CertificateReview,
  Commendation,
  Evaluation,
  InfoReport,
  Inspection,
  InspectionFinding,
  Notice,
  NoticeRecipient,
  Organization,
  PetitionCase,
  Rectification,
  Training,
  TrainingAttendance,
  WorkPoint,
  WorkSystem,
} from './src/entities/index.js';

export const ENTITIES = [
  Organization,
  AdminUser,
  WorkPoint,
  WorkSystem,
  Agent,
  Certificate,
  CertificateReview,
  Training,
  TrainingAttendance,
  PetitionCase,
  CaseDocument,
  CaseLog,
  AnalysisReport,
  AnnualReport,
  Evaluation,
  Commendation,
  AuditLog,
  Notice,
  NoticeRecipient,
  InfoReport,
  Inspection,
  InspectionFinding,
  Rectification,
];

/**
 * The one DataSource factory. The schema belongs to node-pg-migrate (migrations/): TypeORM never
 * synchronises or migrates, and tests/schema-drift.test.ts keeps the entities equal to it.
 */
export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  });
}
