import type { AnalysisPrintData } from '../../services/analysis-report-service.js';
import { blank, chineseDate, emptyLine, heading, para, run, signatures, table, title } from '../document-layout.js';
import { renderDocument } from '../word-document.js';
import type { FigureLabels } from './closure-statistics-table.js';

const TITLE = '平顶山市妇女信访代理案件分析报告';

const listed = (counts: Record<string, number> | undefined, names: Record<string, string>) =>
  Object.entries(names)
    .filter(([value]) => (counts?.[value] ?? 0) > 0)
    .map(([value, name]) => `${name}${counts![value]}件`)
    .join('，');

/** 附件6 as a Word file: the unit, period, date, contact and phone; the period's figures; the county's analysis. */
export function buildAnalysisReportDocument(d: AnalysisPrintData, labels: FigureLabels): Promise<Buffer> {
  const f = d.figures;
  const overview = f
    ? [
        para([
          `${chineseDate(d.periodStart)}至${chineseDate(d.periodEnd)}，本单位共受理妇女信访代理案件${f.accepted}件` +
            (f.accepted ? `，其中${listed(f.byCategory, labels.category)}` : '') +
            // 办结率 = 已办结 ÷ 应办结 (src/domain/case-statistics.ts); figures frozen before 应办结 existed lack it
            (f.closureDue === undefined
              ? `。已办结${f.closed}件，办结率${f.closureRate ?? '—'}%；代理中`
              : `。应办结${f.closureDue}件（仍在办理期限内的不计），已办结${f.closed}件，办结率${f.closureRate ?? '—'}%，` +
                `按期办结率${f.onTimeClosureRate ?? '—'}%；代理中`) +
            `${f.byState.representing}件，尚未开始代理${f.byState.accepted}件，解除代理${f.byState.terminated}件。`,
        ]),
        para([
          `本期终结案件${f.concluded}件，应出具答复意见书${f.repliesDue}件，其中终结后7日内出具${f.repliesOnTime}件` +
            `（${f.replyOnTimeRate ?? '—'}%）；信访人申请复查${f.reviewRequests}件。重点案件${f.keyCases}件，其中纳入信访联席会议${f.keyInJointMeeting}件；群体性案件${f.groupCases}件。`,
        ]),
        ...(f.accepted ? [para([`案件来源：${listed(f.bySource, labels.source)}。`])] : []),
        // 条例第二十一条: her rating after the reply (满意率, src/domain/case-statistics.ts); figures taken before
        // ratings were counted have none
        ...(f.replies === undefined
          ? []
          : [
              para([
                `本期出具答复意见书${f.replies}件，信访人评价${f.rated ?? 0}件，其中满意${f.satisfied ?? 0}件、基本满意${f.basicallySatisfied ?? 0}件、不满意${f.dissatisfied ?? 0}件，` +
                  `满意率${f.satisfactionRate ?? '—'}%（满意和基本满意占已评价的比例）。`,
              ]),
            ]),
        para([run(`（以上数据截至${chineseDate(f.asOf)}）`, { size: 'note' })], { size: 'note' }),
      ]
    : [para([blank(null, 30)])];
  const analysis = (d.analysis ?? '').split('\n').filter((l) => l.trim());
  return renderDocument({
    title: TITLE,
    blocks: [
      title(TITLE),
      table(
        [2, 3, 2, 3],
        [
          { cells: ['报送单位', d.unit, '报告日期', chineseDate(d.reportDate)] },
          { cells: ['统计期间', { text: `${chineseDate(d.periodStart)}至${chineseDate(d.periodEnd)}`, span: 3 }] },
          { cells: ['联系人', d.contactPerson, '联系电话', d.contactPhone] },
        ],
      ),
      emptyLine(),
      heading('一、案件基本情况'),
      ...overview,
      heading('二、案件分析'),
      ...(analysis.length ? analysis.map((l) => para([l.trim()])) : [para([blank(null, 30)]), para([blank(null, 30)])]),
      ...signatures([{ label: '报送单位（盖章）', name: d.unit }], d.reportDate),
    ],
  });
}
