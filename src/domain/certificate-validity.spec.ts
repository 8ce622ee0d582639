import {
  certificateStanding,
  certificateValidOn,
  certificateValidUntil,
  reviewDueOn,
  reviewUrgency,
  type CertificateDates,
  type ReviewDates,
} from './certificate-validity.js';

const issued = (issuedOn: string, extra: Partial<CertificateDates> = {}): CertificateDates => ({
  status: 'issued',
  issuedOn,
  revokedOn: null,
  ...extra,
});
const passed = (reviewedOn: string): ReviewDates => ({ reviewedOn, result: 'passed' });
const failed = (reviewedOn: string): ReviewDates => ({ reviewedOn, result: 'failed' });

describe('certificate validity (持证上岗, 一年一审核)', () => {
  it('is valid from the issue day through the same date a year later, not before, not after', () => {
    const cert = issued('2024-03-01');
    expect(certificateValidOn(cert, [], '2024-02-29')).toBe(false);
    expect(certificateValidOn(cert, [], '2024-03-01')).toBe(true);
    expect(certificateValidOn(cert, [], '2025-03-01')).toBe(true);
    expect(certificateValidOn(cert, [], '2025-03-02')).toBe(false);
    expect(certificateValidUntil(cert, [], '2024-06-01')).toBe('2025-03-01');
    expect(reviewDueOn(cert, [], '2024-06-01')).toBe('2025-03-01');
  });

  it('counts a year over the year end and over leap days as 《民法典》第二百零二条 does', () => {
    expect(certificateValidUntil(issued('2023-12-31'), [], '2024-01-01')).toBe('2024-12-31');
    expect(certificateValidOn(issued('2023-12-31'), [], '2025-01-01')).toBe(false);
    // no 29 February in 2025: the month's last day
    expect(certificateValidUntil(issued('2024-02-29'), [], '2024-12-31')).toBe('2025-02-28');
    expect(certificateValidOn(issued('2024-02-29'), [], '2025-03-01')).toBe(false);
    expect(certificateValidUntil(issued('2023-02-28'), [], '2023-12-31')).toBe('2024-02-28');
  });

  it('starts a new year from each passed review, however early or late it was', () => {
    const cert = issued('2022-05-10');
    const reviews = [passed('2023-04-20'), passed('2024-05-25')];
    expect(certificateValidUntil(cert, reviews, '2023-06-01')).toBe('2024-04-20');
    // the 2024 review came late: between 2024-04-21 and 2024-05-24 the certificate had lapsed
    expect(certificateValidOn(cert, reviews, '2024-04-20')).toBe(true);
    expect(certificateValidOn(cert, reviews, '2024-05-01')).toBe(false);
    expect(certificateStanding(cert, reviews, '2024-05-01')).toBe('expired');
    expect(certificateValidOn(cert, reviews, '2024-05-25')).toBe(true);
    expect(certificateValidOn(cert, reviews, '2025-05-25')).toBe(true);
    expect(certificateValidOn(cert, reviews, '2025-05-26')).toBe(false);
  });

  it('judges a day only by the reviews made by then', () => {
    const cert = issued('2022-05-10');
    expect(certificateValidOn(cert, [passed('2023-05-01'), failed('2023-09-01')], '2023-08-31')).toBe(true);
    expect(reviewDueOn(cert, [passed('2023-05-01')], '2023-04-30')).toBe('2023-05-10');
  });

  it('is suspended by a failed review from its day until a later passed one', () => {
    const cert = issued('2022-05-10', { status: 'suspended' });
    const reviews = [passed('2023-05-01'), failed('2024-04-28')];
    expect(certificateValidOn(cert, reviews, '2024-04-27')).toBe(true);
    expect(certificateValidOn(cert, reviews, '2024-04-28')).toBe(false);
    expect(certificateStanding(cert, reviews, '2024-06-01')).toBe('suspended');
    expect(reviewDueOn(cert, reviews, '2024-06-01')).toBeNull();
    const again = [...reviews, passed('2024-07-01')];
    expect(certificateValidOn(issued('2022-05-10'), again, '2024-07-01')).toBe(true);
    expect(certificateValidUntil(issued('2022-05-10'), again, '2024-07-01')).toBe('2025-07-01');
  });

  it('lets a failed review win over a passed one of the same day', () => {
    expect(certificateValidOn(issued('2022-05-10'), [passed('2023-05-01'), failed('2023-05-01')], '2023-05-02')).toBe(
      false,
    );
    expect(certificateValidOn(issued('2022-05-10'), [failed('2023-05-01'), passed('2023-05-01')], '2023-05-02')).toBe(
      false,
    );
  });

  it('ignores reviews dated before the issue', () => {
    expect(certificateValidUntil(issued('2022-05-10'), [failed('2022-05-01')], '2022-06-01')).toBe('2023-05-10');
  });

  it('ends on the revocation day and never counts an unissued certificate', () => {
    const revoked: CertificateDates = { status: 'revoked', issuedOn: '2023-01-10', revokedOn: '2023-06-01' };
    expect(certificateValidOn(revoked, [], '2023-05-31')).toBe(true);
    expect(certificateValidUntil(revoked, [], '2023-05-31')).toBe('2023-05-31');
    expect(certificateValidOn(revoked, [], '2023-06-01')).toBe(false);
    expect(certificateStanding(revoked, [], '2023-06-01')).toBe('revoked');
    expect(reviewDueOn(revoked, [], '2023-05-01')).toBeNull();
    const produced: CertificateDates = { status: 'produced', issuedOn: null, revokedOn: null };
    expect(certificateValidOn(produced, [], '2023-05-01')).toBe(false);
    expect(certificateStanding(produced, [], '2023-05-01')).toBe('not_issued');
  });

  it('reminds 30 days ahead and after the due day', () => {
    expect(reviewUrgency('2024-03-01', '2024-03-02')).toBe('overdue');
    expect(reviewUrgency('2024-03-01', '2024-03-01')).toBe('due_soon');
    expect(reviewUrgency('2024-03-31', '2024-03-01')).toBe('due_soon');
    expect(reviewUrgency('2024-04-01', '2024-03-01')).toBe('not_due');
    expect(reviewUrgency(null, '2024-03-01')).toBe('not_due');
  });
});
