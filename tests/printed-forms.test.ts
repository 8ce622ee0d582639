import { FORM_TITLES, printedQuery, renderCaseForm } from '../src/reports/case-forms/index.js';
import { CASE_FORMS, type CaseForm } from '../src/domain/vocabulary.js';
import { buildClosureDocument } from '../src/reports/year-end/closure-statistics-document.js';
import { ENUM_LABELS } from '../src/admin/locale/enums.js';
import type { CaseFigures } from '../src/domain/case-statistics.js';
import { sumFigures } from '../src/domain/case-statistics.js';
import type { ClosureSummary } from '../src/services/annual-report-summary.js';
import { FORM_SAMPLES, type SampleName } from './support/form-samples.js';
import { printDocx } from './support/office.js';

// The forms as a county office prints them (LibreOffice renders the .docx, pages are counted and read):
// one sheet with typical content; long content runs on without leaving a signature, seal or date alone.

/** the last line of each form's closing, and a line of the text above it that must share its page */
const CLOSING: Record<CaseForm, { first: string; last: RegExp; signature: RegExp }> = {
  registration: { first: '登记人：', last: /2026年11月2日/, signature: /登记人：/ },
  agreement: { first: '甲方：（信访妇女）', last: /签订时间：/, signature: /（盖章）/ },
  notification: { first: '信访代理机构（盖章）', last: /一式两份/, signature: /被代理人（签收）/ },
  handling_record: { first: '代理员（签名）', last: /2026年11月25日/, signature: /代理员（签名）/ },
  reply_opinion: { first: '信访代理机构（盖章）', last: /一式两份/, signature: /被代理人签收/ },
};

const squash = (s: string) => s.replace(/\s+/g, '');

let printed: Record<string, string[]>;
beforeAll(async () => {
  const files: Record<string, Buffer> = {};
  for (const [sample, data] of Object.entries(FORM_SAMPLES)) {
    // as the clerk prints them: the 告知书 and 答复意见书 with the query page's address, code and QR code
    const query = await printedQuery('https://fnxf.example.gov.cn', data.caseNo, '7K3QMX9D2F');
    for (const kind of CASE_FORMS) files[`${sample}-${kind}`] = await renderCaseForm(kind, { ...data, query });
  }
  printed = printDocx(files);
}, 300_000);

describe.each(CASE_FORMS)('%s printed', (kind) => {
  it.each<SampleName>(['short', 'typical'])('fits one A4 sheet with %s content', (sample) => {
    const pages = printed[`${sample}-${kind}`];
    expect(pages).toHaveLength(1);
    const page = squash(pages[0]);
    expect(page).toContain(FORM_TITLES[kind]);
    expect(page).toMatch(CLOSING[kind].signature);
    expect(page).toMatch(CLOSING[kind].last);
  });

  it('runs on with long content, the closing on the page of the text it closes', () => {
    const pages = printed[`long-${kind}`];
    expect(pages.length).toBeGreaterThanOrEqual(kind === 'notification' || kind === 'agreement' ? 1 : 2);
    expect(pages.length).toBeLessThanOrEqual(3);
    const last = squash(pages[pages.length - 1]);
    expect(last).toMatch(CLOSING[kind].signature);
    expect(last).toMatch(CLOSING[kind].last);
    // more than the closing on that page: some of the text (or table) above it came along
    expect(last.indexOf(CLOSING[kind].first)).toBeGreaterThan(10);
  });
});

it('never breaks an ID number or a case number over two lines', () => {
  const lines = (name: string) => printed[name].join('\n').split('\n');
  for (const sample of ['typical', 'long'] as const) {
    const { caseNo, petitioner } = FORM_SAMPLES[sample];
    expect(lines(`${sample}-registration`).some((l) => l.includes(petitioner.idNumber!))).toBe(true);
    for (const kind of CASE_FORMS) {
      expect(lines(`${sample}-${kind}`).some((l) => l.includes(caseNo))).toBe(true);
    }
  }
});

describe('全市结案统计表 (Word)', () => {
  const labels = { category: ENUM_LABELS.case_category, source: ENUM_LABELS.case_source };
  const counties = ['新华区', '卫东区', '石龙区', '湛河区', '宝丰县', '叶县', '鲁山县', '郏县', '舞钢市', '汝州市'];
  const figures = (n: number): CaseFigures => ({
    period: { from: '2026-01-01', to: '2026-12-31' },
    asOf: '2026-12-18',
    accepted: 40 + n,
    byState: { accepted: 2, representing: 5, concluded: 20 + n, archived: 13, terminated: 0 },
    byCategory: Object.fromEntries(Object.keys(labels.category).map((k, i) => [k, i + n])),
    bySource: Object.fromEntries(Object.keys(labels.source).map((k, i) => [k, 2 * i + n])),
    closureDue: 38,
    closed: 33 + n,
    closedOnTime: 30,
    terminated: 0,
    closureRate: 86.4,
    onTimeClosureRate: 78.9,
    concluded: 30,
    repliesDue: 30,
    repliesOnTime: 29,
    replyOnTimeRate: 96.7,
    reviewRequests: 1,
    keyCases: 3,
    keyInJointMeeting: 3,
    groupCases: 1,
  });
  const summary: ClosureSummary = {
    year: 2026,
    lines: counties.map((countyName, i) => ({
      countyId: i + 1,
      countyName,
      status: 'accepted',
      version: 1,
      latestReportId: i + 1,
      submittedAt: new Date('2026-12-18T02:00:00Z'),
      isLate: false,
      accepted: { reportId: i + 1, version: 1, figures: figures(i), remarks: null },
    })) as ClosureSummary['lines'],
    total: sumFigures(counties.map((_, i) => figures(i))),
    carriedOverTotal: sumFigures([]),
    acceptedCount: 10,
  };

  it('puts the ten counties of the city on one landscape page', async () => {
    const pages = printDocx({ closure: await buildClosureDocument(summary, labels, '2026-12-21') }).closure;
    expect(pages).toHaveLength(1);
    for (const name of [...counties, '合计', '已审核通过（按时）']) expect(pages[0]).toContain(name);
  }, 120_000);

  it('adds 上年结转 as a third table, the whole on two pages at most', async () => {
    const carried = (n: number) => ({
      ...figures(n),
      period: { from: '2025-12-17', to: '2025-12-31' },
      accepted: 2 + n,
    });
    const withCarry: ClosureSummary = {
      ...summary,
      lines: summary.lines.map((l, i) => ({
        ...l,
        accepted: { ...l.accepted!, figures: { ...figures(i), carriedOver: carried(i) } },
      })),
      carriedOverTotal: sumFigures(counties.map((_, i) => carried(i))),
    };
    const pages = printDocx({ closure: await buildClosureDocument(withCarry, labels, '2026-12-21') }).closure;
    expect(pages.length).toBeLessThanOrEqual(2);
    const text = pages.join('\n');
    expect(text).toMatch(/三、上年结转（2025\s*年度统计表上报后的案件/);
    for (const name of counties) expect(text.split(name).length - 1).toBe(3);
  }, 120_000);
});
