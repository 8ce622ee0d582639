import { FieldErrors } from './errors.js';
import { completeRectification, isOverdue, validateInspection, validateRectification } from './supervision-rules.js';
import { assertReportChangeable, personalDataProblem, validateInfoReport } from './info-report-rules.js';
import { noticeRecipients, validateNotice } from './notice-rules.js';
import {
  mayCompleteRectification,
  mayMarkNoticeRead,
  mayOpenNotice,
  mayReadNoticeFiles,
} from './supervision-permissions.js';
import { acceptUpload, cleanFileName } from './stored-file.js';
import type { Actor } from './access-policy.js';

const today = '2026-11-20';
const city: Actor = { id: 1, role: 'city_admin', countyId: null };
const xinhua: Actor = { id: 3, role: 'county_staff', countyId: 2 };
const leader: Actor = { id: 2, role: 'leader', countyId: null };

describe('information reports (信息上报)', () => {
  it('finds ID-number-like and mobile-like numbers, not other figures', () => {
    expect(personalDataProblem('身份证410402198503120423')?.code).toBe('PERSONAL_DATA');
    expect(personalDataProblem('号码41040219850312042x。')?.message).toMatch(/身份证号码/);
    expect(personalDataProblem('电话:13937512345')?.message).toMatch(/手机号码/);
    expect(personalDataProblem('2026年办结案件123件，电话0375-2666938')).toBeNull();
    expect(personalDataProblem('编号139375123456789')).toBeNull();
  });

  it('refuses personal data unless the city asked for it', () => {
    const report = { kind: 'typical_case', title: '案例', content: '联系电话13937512345', submittedOn: today };
    expect(Object.keys(validateInfoReport(report, { today }))).toEqual(['content']);
    expect(validateInfoReport({ ...report, personalDataRequested: 'true' }, { today })).toEqual({});
    expect(Object.keys(validateInfoReport({}, { today })).sort()).toEqual(['content', 'kind', 'submittedOn', 'title']);
  });

  it('locks an adopted report', () => {
    expect(() => assertReportChangeable({ adopted: true })).toThrow('已被市妇联采用');
    expect(() => assertReportChangeable({ adopted: false })).not.toThrow();
  });
});

describe('notices (通知公告)', () => {
  const counties = [2, 3, 4];
  it('sends a city notice to the chosen counties, or to all; a county notice to its own county', () => {
    expect(noticeRecipients({ countyId: null, targetCountyIds: [4, 2, 4] }, counties)).toEqual([2, 4]);
    expect(noticeRecipients({ countyId: null, targetCountyIds: null }, counties)).toEqual([2, 3, 4]);
    expect(noticeRecipients({ countyId: 3, targetCountyIds: null }, counties)).toEqual([3]);
  });

  it('refuses targets that are not counties, and a county writing to another county', () => {
    expect(
      validateNotice({ title: 't', body: 'b', targetCountyIds: [99] }, { countyIds: counties }).targetCountyIds.code,
    ).toBe('NOTICE_TARGET');
    expect(
      validateNotice({ countyId: 2, title: 't', body: 'b', targetCountyIds: [3] }, { countyIds: counties })
        .targetCountyIds.message,
    ).toMatch(/本县/);
    expect(
      validateNotice({ countyId: 2, title: 't', body: 'b', targetCountyIds: ['2'] }, { countyIds: counties }),
    ).toEqual({});
  });

  it('lets the addressed county mark it read and open its files; the senders’ side stays the sender’s', () => {
    expect(mayMarkNoticeRead(xinhua, 2)).toBe(true);
    expect(mayMarkNoticeRead(xinhua, 3)).toBe(false);
    expect(mayMarkNoticeRead(city, 2)).toBe(false);
    expect(mayOpenNotice(xinhua, null)).toBe(false);
    expect(mayOpenNotice(xinhua, 2)).toBe(true);
    expect(mayOpenNotice(leader, 3)).toBe(true);
    expect(mayReadNoticeFiles(xinhua, null, [2])).toBe(true);
    expect(mayReadNoticeFiles(xinhua, null, [3])).toBe(false);
  });
});

describe('supervision (督导检查)', () => {
  it('checks the visit and its rectification items', () => {
    expect(
      validateInspection(
        { title: '检查', inspectedOn: '2026-11-21', inspectors: '王琼', overallResult: 'meets' },
        { today },
      ).inspectedOn.code,
    ).toBe('DATE_IN_FUTURE');
    expect(
      validateRectification({ item: '上墙', dueOn: '2026-10-01' }, { inspectedOn: '2026-10-15' }).dueOn.message,
    ).toBe('整改期限不能早于检查日期');
    expect(validateRectification({ item: '上墙', dueOn: '2026-10-15' }, { inspectedOn: '2026-10-15' })).toEqual({});
  });

  it('records an open item as done only with a day and evidence, once', () => {
    const open = { status: 'open' as const, dueOn: '2026-11-10' };
    const ctx = { today, inspectedOn: '2026-10-15' };
    expect(completeRectification(open, { doneOn: '2026-11-19', evidence: ' 已上墙 ' }, ctx)).toEqual({
      doneOn: '2026-11-19',
      evidence: '已上墙',
    });
    try {
      completeRectification(open, { doneOn: '2026-10-01' }, ctx);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(FieldErrors);
      expect(Object.keys((e as FieldErrors).errors).sort()).toEqual(['doneOn', 'evidence']);
    }
    expect(() => completeRectification({ ...open, status: 'done' }, { doneOn: today, evidence: 'x' }, ctx)).toThrow(
      '已登记完成',
    );
    expect(isOverdue(open, today)).toBe(true);
    expect(isOverdue(open, '2026-11-10')).toBe(false);
    expect(isOverdue({ ...open, status: 'done' }, today)).toBe(false);
  });

  it('lets the county and the city record completion, not another county or a leader', () => {
    expect(mayCompleteRectification(xinhua, 2)).toBe(true);
    expect(mayCompleteRectification(xinhua, 3)).toBe(false);
    expect(mayCompleteRectification(city, 3)).toBe(true);
    expect(mayCompleteRectification(leader, 3)).toBe(false);
  });
});

describe('uploaded files', () => {
  const limits = { maxBytes: 100, alreadyAttached: 0 };
  it('accepts PDF, JPEG and PNG by content, within the size and count limits', () => {
    expect(acceptUpload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 10, limits).mime).toBe('application/pdf');
    expect(acceptUpload(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 10, limits).ext).toBe('jpg');
    expect(() => acceptUpload(new Uint8Array([0x4d, 0x5a]), 10, limits)).toThrow('PDF、JPG 或 PNG');
    expect(() => acceptUpload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 101, limits)).toThrow('文件过大');
    expect(() =>
      acceptUpload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 10, { ...limits, alreadyAttached: 20 }),
    ).toThrow('最多');
  });

  it('keeps only a displayable name', () => {
    expect(cleanFileName('C:\\fakepath\\通知"附件".pdf')).toBe('通知附件.pdf');
    expect(cleanFileName('../../')).toBe('附件');
  });
});
