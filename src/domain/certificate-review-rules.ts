import { ProblemCollector, type FieldProblems } from './errors.js';
import { maxLength, pastDateCheck, required, type TextInput } from './field-checks.js';

export interface CertificateReviewInput {
  reviewedOn?: TextInput;
  result?: 'passed' | 'failed' | null;
  reviewer?: TextInput;
}

export interface CertificateReviewContext {
  today: string;
}

/** 工作要求 4: the yearly review (一年一审核) of an agent's certificate, recorded after it took place. */
export function validateCertificateReview(input: CertificateReviewInput, ctx: CertificateReviewContext): FieldProblems {
  return new ProblemCollector()
    .add('reviewedOn', required(input.reviewedOn) ?? pastDateCheck(input.reviewedOn, ctx.today))
    .add('result', required(input.result, '请选择审核结果'))
    .add('reviewer', maxLength(input.reviewer, 50)).problems;
}
