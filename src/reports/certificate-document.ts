import {
  AlignmentType,
  BorderStyle,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { GENDER_LABELS } from '../domain/vocabulary.js';
import type { CertificatePrintData } from '../services/certificate-print-data.js';

// 代理员证 (创建标准 三: produced by the city, reviewed and issued by the county, reviewed every year),
// laid out as an A4 page a county office prints and stamps.
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const A4 = { width: 11906, height: 16838 };
const BODY = '仿宋';
const TITLE = '宋体';
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE };
/** empty rows for the reviews still to come */
const BLANK_YEARS = 3;

function chineseDate(iso: string | null): string {
  if (!iso) return '    年  月  日';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const text = (value: string, opts: { bold?: boolean; size?: number; font?: string } = {}) =>
  new TextRun({ text: value, bold: opts.bold, size: opts.size ?? 28, font: opts.font ?? BODY });

function cell(
  value: string,
  opts: { width: number; span?: number; rowSpan?: number; bold?: boolean; center?: boolean; height?: number } = {
    width: 1500,
  },
) {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.span,
    rowSpan: opts.rowSpan,
    borders: BORDERS,
    verticalAlign: VerticalAlign.CENTER,
    children: value.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [text(line, { bold: opts.bold, size: 24 })],
        }),
    ),
  });
}

const row = (cells: TableCell[], height = 600) =>
  new TableRow({ height: { value: height, rule: HeightRule.ATLEAST }, children: cells });

function holderTable(d: CertificatePrintData): Table {
  const place = [d.countyName, d.townshipName, d.villageName].filter(Boolean).join('');
  const L = 1700;
  const V = 2300;
  const PHOTO = 2000;
  return new Table({
    width: { size: 2 * L + 2 * V + PHOTO, type: WidthType.DXA },
    columnWidths: [L, V, L, V, PHOTO],
    rows: [
      row([
        cell('姓　　名', { width: L, center: true, bold: true }),
        cell(d.holder.name, { width: V }),
        cell('性　　别', { width: L, center: true, bold: true }),
        cell(GENDER_LABELS[d.holder.gender], { width: V }),
        cell('照　片\n（一寸免冠）', { width: PHOTO, rowSpan: 4, center: true }),
      ]),
      row([
        cell('身份证号码', { width: L, center: true, bold: true }),
        cell(d.holder.idNumber, { width: 2 * V + L, span: 3 }),
      ]),
      row([cell('所属地区', { width: L, center: true, bold: true }), cell(place, { width: 2 * V + L, span: 3 })]),
      row([
        cell('工作单位', { width: L, center: true, bold: true }),
        cell(d.holder.employer ?? '', { width: 2 * V + L, span: 3 }),
      ]),
      row([
        cell('发证日期', { width: L, center: true, bold: true }),
        cell(chineseDate(d.issuedOn), { width: V }),
        cell('有效期至', { width: L, center: true, bold: true }),
        cell(d.validUntil ? chineseDate(d.validUntil) : '（须经年度审核）', { width: V + PHOTO, span: 2 }),
      ]),
    ],
  });
}

/** 一年一审核: one row per review held (stamped by the county), then blank rows for the coming years. */
function reviewTable(d: CertificatePrintData, thisYear: number): Table {
  const widths = [1200, 2200, 1500, 1700, 3400];
  const rows = [
    row(
      ['年度', '审核日期', '审核结果', '审核人', '审核单位（盖章）'].map((h, i) =>
        cell(h, { width: widths[i], bold: true, center: true }),
      ),
      500,
    ),
  ];
  const line = (year: string, r: CertificatePrintData['reviews'][number] | null) =>
    row(
      [
        cell(year, { width: widths[0], center: true }),
        cell(r ? chineseDate(r.reviewedOn) : '', { width: widths[1], center: true }),
        cell(r ? (r.result === 'passed' ? '合格' : '不合格') : '', { width: widths[2], center: true }),
        cell(r?.reviewer ?? '', { width: widths[3], center: true }),
        cell(r ? `${d.countyName}妇联` : '', { width: widths[4], center: true }),
      ],
      700,
    );
  for (const r of d.reviews) rows.push(line(`${r.reviewedOn.slice(0, 4)}年`, r));
  const last = Math.max(thisYear, ...d.reviews.map((r) => Number(r.reviewedOn.slice(0, 4))));
  for (let year = last + 1; year <= last + BLANK_YEARS; year++) rows.push(line(`${year}年`, null));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b), type: WidthType.DXA },
    columnWidths: widths,
    rows,
  });
}

const para = (children: TextRun[], opts: { center?: boolean; before?: number; after?: number; right?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 120, line: 400 },
    children,
  });

/** The certificate as a .docx: holder, photo box, number, issuing bodies, the yearly review stamps. */
export async function buildCertificateDocx(d: CertificatePrintData, today: string): Promise<Buffer> {
  const doc = new Document({
    creator: '平顶山市妇女信访代理工作管理系统',
    title: `妇女信访代理员证 ${d.number}`,
    styles: { default: { document: { run: { font: BODY, size: 28 } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: 1440, bottom: 1440, left: 1300, right: 1300 } } },
        children: [
          para([text('平顶山市妇女信访代理员证', { bold: true, size: 44, font: TITLE })], { center: true, after: 200 }),
          para([text(`证号：${d.number}`, { size: 28 })], { center: true, after: 300 }),
          holderTable(d),
          para([text('制作单位：平顶山市信访局　平顶山市妇女联合会')], { before: 300 }),
          para([text(`审核发放单位：${d.countyName}信访局　${d.countyName}妇女联合会（盖章）`)]),
          para([text(`发放日期：${chineseDate(d.issuedOn)}`)], { after: 300 }),
          para([text('年度审核记录（一年一审核）', { bold: true, size: 30, font: TITLE })], {
            center: true,
            after: 160,
          }),
          reviewTable(d, Number(today.slice(0, 4))),
          para(
            [
              text(
                '说明：持证人须持证上岗。本证自发放之日起有效一年，每年审核一次，审核合格的自审核之日起继续有效一年；' +
                  '未按期审核或审核不合格的，不得从事妇女信访代理工作。本证不得转借。',
                { size: 24 },
              ),
            ],
            { before: 300 },
          ),
          para([text(`打印日期：${chineseDate(today)}`, { size: 21 })], { right: true, before: 200 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
