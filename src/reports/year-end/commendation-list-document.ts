import type { CommendedLine } from '../../services/commendation-service.js';
import { emptyLine, heading, para, signatures, table, title, type Block } from '../document-layout.js';
import { renderDocument } from '../word-document.js';

/** 表彰名单: the approved outstanding work points and agents of the year, as the city federation issues it. */
export function buildCommendationListDocument(year: number, lines: CommendedLine[], today: string): Promise<Buffer> {
  const heading_ = `${year}年度妇女信访代理工作表彰名单`;
  const section = (kind: CommendedLine['kind'], caption: string, nameHeader: string): Block[] => {
    const rows = lines.filter((l) => l.kind === kind);
    return [
      heading(caption),
      rows.length
        ? table(
            [2, 4, 6, 10],
            [
              { cells: ['序号', '县（市、区）', nameHeader, '主要事迹'], header: true },
              ...rows.map((l, i) => ({
                cells: [String(i + 1), l.county, l.detail ? `${l.name}（${l.detail}）` : l.name, l.reason],
              })),
            ],
            { align: ['center', 'center', 'left', 'left'] },
          )
        : para(['（无）']),
      emptyLine(),
    ];
  };
  return renderDocument({
    title: heading_,
    blocks: [
      title(heading_),
      para([
        `根据平妇字〔2014〕17号关于“对工作成效突出的信访代理工作点和代理员进行表彰奖励”的要求，经年度考评，市妇联决定对以下先进工作点和优秀代理员予以表彰。`,
      ]),
      ...section('work_point', '一、先进妇女信访代理工作点', '工作点'),
      ...section('agent', '二、优秀妇女信访代理员', '代理员（所在乡镇）'),
      ...signatures([{ label: '平顶山市妇女联合会（盖章）' }], today),
    ],
  });
}
