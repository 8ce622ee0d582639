import { issue, produceRefusal, productionDate, review, revoke } from './certificate-lifecycle.js';
import type { CertificateState } from './certificate-lifecycle.js';
import { formatCertificateNumber, nextCertificateNumbers, parseCertificateNumber } from './certificate-number.js';
import { DomainError } from './errors.js';
import { mayTakeCertificateStep } from './certificate-permissions.js';

const TODAY = '2026-11-20';
const produced: CertificateState = { status: 'produced', producedOn: '2026-10-01', issuedOn: null, revokedOn: null };
const inForce: CertificateState = {
  status: 'issued',
  producedOn: '2025-10-01',
  issuedOn: '2025-10-10',
  revokedOn: null,
};

function refusal(step: () => unknown): { code: string; field: string } {
  try {
    step();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.field ?? 'base' };
    throw e;
  }
  throw new Error('not refused');
}

describe('certificate numbers', () => {
  it('reads 平妇代证-<year>-<5 digits> and continues the year after its highest number', () => {
    expect(formatCertificateNumber(2024, 17)).toBe('平妇代证-2024-00017');
    expect(parseCertificateNumber('平妇代证-2024-00017')).toEqual({ year: 2024, sequence: 17 });
    expect(parseCertificateNumber('2024-17')).toBeNull();
    expect(
      nextCertificateNumbers(2026, ['平妇代证-2026-00003', '平妇代证-2025-00090', '平妇代证-2026-00011'], 2),
    ).toEqual(['平妇代证-2026-00012', '平妇代证-2026-00013']);
    expect(nextCertificateNumbers(2027, ['平妇代证-2026-00003'], 1)).toEqual(['平妇代证-2027-00001']);
  });
});

describe('certificate lifecycle', () => {
  it('issues a produced certificate, not before its production nor in the future', () => {
    expect(issue(produced, { issuedOn: '2026-10-15' }, TODAY)).toEqual({ status: 'issued', issuedOn: '2026-10-15' });
    expect(refusal(() => issue(produced, { issuedOn: '2026-09-30' }, TODAY))).toEqual({
      code: 'DATE_ORDER',
      field: 'issuedOn',
    });
    expect(refusal(() => issue(produced, { issuedOn: '2026-11-21' }, TODAY))).toEqual({
      code: 'DATE_IN_FUTURE',
      field: 'issuedOn',
    });
    expect(refusal(() => issue(inForce, { issuedOn: '2026-10-15' }, TODAY))).toEqual({
      code: 'CERTIFICATE_STATE',
      field: 'base',
    });
  });

  it('reviews an issued or suspended certificate; a fail suspends and needs its reason', () => {
    expect(review(inForce, { reviewedOn: '2026-10-08', result: 'passed' }, TODAY).status).toBe('issued');
    expect(
      review({ ...inForce, status: 'suspended' }, { reviewedOn: '2026-10-08', result: 'passed' }, TODAY).status,
    ).toBe('issued');
    expect(
      review(inForce, { reviewedOn: '2026-10-08', result: 'failed', remarks: '全年未参加培训' }, TODAY).status,
    ).toBe('suspended');
    expect(refusal(() => review(inForce, { reviewedOn: '2026-10-08', result: 'failed' }, TODAY))).toEqual({
      code: 'REQUIRED',
      field: 'remarks',
    });
    expect(refusal(() => review(inForce, { reviewedOn: '2026-10-08' }, TODAY))).toEqual({
      code: 'REQUIRED',
      field: 'result',
    });
    expect(refusal(() => review(inForce, { reviewedOn: '2025-10-01', result: 'passed' }, TODAY))).toEqual({
      code: 'DATE_ORDER',
      field: 'reviewedOn',
    });
    expect(refusal(() => review(produced, { reviewedOn: '2026-10-08', result: 'passed' }, TODAY)).code).toBe(
      'CERTIFICATE_STATE',
    );
  });

  it('revokes with a date and a reason, once', () => {
    expect(revoke(inForce, { revokedOn: '2026-11-01', reason: ' 工作调动 ' }, TODAY)).toEqual({
      status: 'revoked',
      revokedOn: '2026-11-01',
      revokeReason: '工作调动',
    });
    expect(refusal(() => revoke(inForce, { revokedOn: '2026-11-01', reason: '' }, TODAY))).toEqual({
      code: 'REQUIRED',
      field: 'reason',
    });
    expect(
      refusal(() =>
        revoke(
          { ...inForce, status: 'revoked', revokedOn: '2026-11-01' },
          { revokedOn: '2026-11-02', reason: 'x' },
          TODAY,
        ),
      ).code,
    ).toBe('CERTIFICATE_STATE');
  });

  it('produces one certificate per agent in post', () => {
    expect(produceRefusal({ status: 'active' }, [])).toBeNull();
    expect(produceRefusal({ status: 'active' }, ['revoked'])).toBeNull();
    expect(produceRefusal({ status: 'active' }, ['issued'])).toContain('一人一证');
    expect(produceRefusal({ status: 'active' }, ['produced'])).not.toBeNull();
    expect(produceRefusal({ status: 'active' }, ['suspended'])).not.toBeNull();
    expect(produceRefusal({ status: 'inactive' }, [])).toContain('离岗');
    expect(productionDate('2026-11-20', TODAY)).toBe('2026-11-20');
    expect(refusal(() => productionDate('', TODAY))).toEqual({ code: 'REQUIRED', field: 'producedOn' });
  });

  it('leaves production and revocation to the city, issue and review to the county for its own agents', () => {
    const city = { id: 1, role: 'city_admin' as const, countyId: null };
    const xinhua = { id: 2, role: 'county_staff' as const, countyId: 2 };
    const leader = { id: 3, role: 'leader' as const, countyId: null };
    expect(mayTakeCertificateStep(city, 'produce')).toBe(true);
    expect(mayTakeCertificateStep(xinhua, 'produce')).toBe(false);
    expect(mayTakeCertificateStep(xinhua, 'revoke', 2)).toBe(false);
    expect(mayTakeCertificateStep(xinhua, 'issue', 2)).toBe(true);
    expect(mayTakeCertificateStep(xinhua, 'review', 3)).toBe(false);
    expect(mayTakeCertificateStep(city, 'review', 3)).toBe(true);
    expect(mayTakeCertificateStep(leader, 'review', 3)).toBe(false);
  });
});
