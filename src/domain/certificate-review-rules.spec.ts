import { validateCertificateReview } from './certificate-review-rules.js';
import { problemCodes } from './errors.js';

const ctx = { today: '2024-12-31' };

describe('certificate review rules', () => {
  it('accept a review held today', () => {
    expect(
      validateCertificateReview({ reviewedOn: '2024-12-31', result: 'passed', reviewer: '县信访局' }, ctx),
    ).toEqual({});
  });

  it.each<[string, Parameters<typeof validateCertificateReview>[0], string, string]>([
    ['no date', { reviewedOn: '', result: 'passed' }, 'reviewedOn', 'REQUIRED'],
    ['a review next year', { reviewedOn: '2025-01-01', result: 'passed' }, 'reviewedOn', 'DATE_IN_FUTURE'],
    ['31 November', { reviewedOn: '2024-11-31', result: 'failed' }, 'reviewedOn', 'DATE_INVALID'],
    ['no result', { reviewedOn: '2024-12-01', result: null }, 'result', 'REQUIRED'],
    [
      'a long reviewer',
      { reviewedOn: '2024-12-01', result: 'passed', reviewer: '审'.repeat(51) },
      'reviewer',
      'TOO_LONG',
    ],
  ])('refuse %s', (_, input, field, code) => {
    expect(problemCodes(validateCertificateReview(input, ctx))).toEqual({ [field]: code });
  });
});
