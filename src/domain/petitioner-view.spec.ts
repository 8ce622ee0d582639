import {
  cleanComment,
  formatQueryCode,
  normalizeCaseNo,
  normalizeQueryCode,
  ratingRefusal,
  stepsTaken,
} from './petitioner-view.js';

describe('the petitioner view (《信访工作条例》第二十一条)', () => {
  // Crockford-style: lower case, hyphens and spaces as typed, O for 0 and I for 1
  it.each([
    ['7k3qm-x9d2f', '7K3QMX9D2F'],
    [' 7K3QM X9D2F ', '7K3QMX9D2F'],
    ['oK3QM-X9D2I', '0K3QMX9D21'],
  ])('reads the code %j as typed or printed: %s', (typed, code) => {
    expect(normalizeQueryCode(typed)).toBe(code);
  });

  it('prints a code in two groups, and refuses anything else', () => {
    expect(formatQueryCode('7K3QMX9D2F')).toBe('7K3QM-X9D2F');
    for (const bad of [
      '7K3QMX9D2',
      '7K3QMX9D2FF',
      '7K3QMX9D2U',
      '7K3QMX9D2\u0000',
      ['7K3QMX9D2F'],
      7,
      null,
      'x'.repeat(100),
    ])
      expect(normalizeQueryCode(bad)).toBeNull();
  });

  it('reads a case number with a full-width hyphen, refuses control characters and other shapes', () => {
    expect(normalizeCaseNo(' 新华－2026－0007 ')).toBe('新华-2026-0007');
    for (const bad of ['新华-2026-0007\u0000', "新华-2026-0007' OR 1=1", '', ['新华-2026-0007'], 'a'.repeat(61)])
      expect(normalizeCaseNo(bad)).toBeNull();
  });

  it('allows a rating only after the reply, replaceable for 15 days after the first, then locked', () => {
    const first = new Date('2026-03-01T02:00:00Z');
    expect(ratingRefusal({ replyIssuedOn: null }, null, first)).toBe('NO_REPLY');
    expect(ratingRefusal({ replyIssuedOn: '2026-02-27' }, null, first)).toBeNull();
    const existing = { firstRatedAt: first };
    expect(ratingRefusal({ replyIssuedOn: '2026-02-27' }, existing, new Date('2026-03-16T02:00:00Z'))).toBeNull();
    expect(ratingRefusal({ replyIssuedOn: '2026-02-27' }, existing, new Date('2026-03-16T02:00:01Z'))).toBe('LOCKED');
  });

  it('keeps a comment as text: control characters out, at most 200 characters', () => {
    expect(cleanComment('  办理\u0000很好\n谢谢 ')).toBe('办理很好\n谢谢');
    expect(cleanComment('   ')).toBeNull();
    expect(cleanComment('长'.repeat(200))).toBe('长'.repeat(200));
    expect(cleanComment('长'.repeat(201))).toBe('TOO_LONG');
    expect(cleanComment(['a'])).toBe('NOT_TEXT');
  });

  it('lists the steps taken in date order, without the ones not taken', () => {
    const steps = stepsTaken({
      acceptedOn: '2026-01-05',
      acceptanceNotifiedOn: '2026-01-08',
      agreementSignedOn: '2026-01-10',
      representingSince: '2026-01-10',
      extensionDays: null,
      extensionNotifiedOn: null,
      concludedOn: null,
      replyIssuedOn: null,
      reviewRequestedOn: null,
      reviewAnsweredOn: null,
      archivedOn: null,
      terminatedOn: null,
    });
    expect(steps.map((s) => s.label)).toEqual(['受理', '书面告知受理', '签订代理协议', '开始代理']);
  });
});
