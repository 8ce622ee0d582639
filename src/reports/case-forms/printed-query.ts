import QRCode from 'qrcode';
import { formatQueryCode, QUERY_PAGE_PATH, queryPageUrl } from '../../domain/petitioner-view.js';
import { imageBeside, para, run, type Block, type Para } from '../document-layout.js';

// 《信访工作条例》第二十一条: her 告知书 (附件3) and 答复意见书 (附件5) tell her where and how to query her
// case and rate it — the page's address, her case number and query code, and a QR code that opens the page
// with both filled in.

/** What a form prints for the query page; null on a copy for a reader who may not hold the code. */
export interface PrintedQuery {
  /** PUBLIC_BASE_URL/query, printed for typing */
  address: string;
  /** the address with her case number and code: what the QR code carries */
  url: string;
  /** as printed: 7K3QM-X9D2F */
  code: string;
  /** the QR code, PNG */
  qrPng: Uint8Array;
}

/** about 21 mm square: read by a phone camera at arm's length (ECC level M, 2-module quiet zone) */
const QR_SIZE = 60;

export async function printedQuery(publicBaseUrl: string, caseNo: string, code: string): Promise<PrintedQuery> {
  const url = queryPageUrl(publicBaseUrl, caseNo, code);
  const qrPng = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
  return {
    address: `${publicBaseUrl.replace(/\/+$/, '')}${QUERY_PAGE_PATH}`,
    url,
    code: formatQueryCode(code),
    qrPng: new Uint8Array(qrPng),
  };
}

/**
 * A form's closing (closing() lines: the seal's room, parties, date, notes) with her query code: the QR code
 * at the left of the right-aligned signature lines (`signed`: how many lines after the first), and beneath
 * them the address, case number and code in words — one sheet still. Without `q` (a leader's copy), the
 * closing as it was.
 */
export function closingWithQuery(
  lines: Para[],
  signed: number,
  q: PrintedQuery | null,
  caseNo: string,
  use: 'notification' | 'reply',
): Block[] {
  if (!q) return lines;
  const [room, ...rest] = lines;
  const beside = rest.slice(0, signed);
  const after = rest.slice(signed);
  const words = para(
    [
      run('办理情况查询：用手机扫描上方二维码，或访问 '),
      run(q.address, { keep: true }),
      run(' ，输入案件编号 '),
      run(caseNo, { keep: true }),
      run(' 和查询码 '),
      run(q.code, { keep: true, bold: true }),
      run(
        use === 'notification'
          ? '。答复意见书出具后可在该页面评价办理情况。查询码仅供本人使用，请妥善保管。'
          : '，对办理情况作出评价（满意、基本满意、不满意）。查询码仅供本人使用，请妥善保管。',
      ),
    ],
    { indent: false, align: 'left', size: 'note', before: 4 },
  );
  return [
    room,
    {
      ...imageBeside(
        { png: q.qrPng, width: QR_SIZE, height: QR_SIZE, alt: `查询本案办理情况：${q.url}` },
        beside.map((l) => ({ ...l, keepNext: false, withPrevious: false })),
        { keepNext: true },
      ),
    },
    { ...words, keepLines: true, keepNext: after.length > 0 },
    ...after,
  ];
}
