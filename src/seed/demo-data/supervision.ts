import { day, timestamp } from './calendar.js';
import type { County } from './places.js';
import type { AdminUserRow } from './users.js';
import type { WorkPointRow } from './work-points.js';

// The demo of 通知公告, 信息上报 and 督导检查: the city's notices (新华区 has one unread), county information reports (some
// adopted), and this autumn's supervision visits to 新华区 and 叶县 with open and overdue rectifications. Written
// out by hand, so the same on every build; dates are before the demo's today, 2026-11-20.

type Row = Record<string, unknown>;

interface NoticeSpec {
  county: string | null;
  title: string;
  body: string;
  publishedOn: string | null;
  targets?: string[];
  /** addressed counties that have not read it */
  unread?: string[];
}

const NOTICES: NoticeSpec[] = [
  {
    county: null,
    title: '关于开展2026年下半年妇女信访代理工作督导检查的通知',
    body: '各县（市、区）妇联：\n根据平妇字〔2014〕17号“督导检查，逐级考评”的要求，市妇联将于10月中下旬对各县（市、区）妇女信访代理工作点进行督导检查，对照五项创建标准逐项查看，请提前做好准备。',
    publishedOn: '2026-09-01',
  },
  {
    county: null,
    title: '关于报送2026年度妇女信访代理案件结案统计表的通知',
    body: '各县（市、区）妇联：\n请于12月20日前将本县（市、区）2026年度妇女信访代理案件结案统计表（附件7）报送市妇联权益部。',
    publishedOn: '2026-11-10',
    unread: ['新华区', '叶县', '鲁山县'],
  },
  {
    county: null,
    title: '关于推广新华区、宝丰县试点经验的通知',
    body: '新华区、宝丰县妇联：\n请各自总结试点工作经验，形成书面材料，准备在全市推广。',
    publishedOn: null,
    targets: ['新华区', '宝丰县'],
  },
  {
    county: '新华区',
    title: '关于参加第四季度妇女信访代理员业务培训的通知',
    body: '各街道、乡镇妇联：\n区妇联定于11月下旬举办代理员业务培训，请通知本辖区代理员按时参加。',
    publishedOn: '2026-11-03',
  },
  {
    county: '叶县',
    title: '关于做好年终妇女信访代理案件归档工作的通知',
    body: '各乡镇（街道）妇联：\n请于12月10日前完成本年度代理案件的立案归档工作，做到一案一卷。',
    publishedOn: '2026-11-05',
  },
];

interface ReportSpec {
  county: string;
  kind: 'work_update' | 'typical_case';
  title: string;
  content: string;
  submittedOn: string;
  comment?: string;
  adoptedOn?: string;
}

const REPORTS: ReportSpec[] = [
  {
    county: '新华区',
    kind: 'work_update',
    title: '新华区妇联召开妇女信访代理工作推进会',
    content: '区妇联组织各街道代理员召开推进会，通报上半年代理案件办理情况，部署下半年重点工作。',
    submittedOn: '2026-07-08',
    comment: '内容翔实，已编入市妇联工作简报。',
    adoptedOn: '2026-07-12',
  },
  {
    county: '新华区',
    kind: 'typical_case',
    title: '代理员耐心调解化解一起赡养纠纷',
    content: '焦店镇代理员陪同信访妇女到镇司法所反映诉求，经多次调解，子女签订赡养协议，案件终结后按期出具答复意见书。',
    submittedOn: '2026-10-21',
    comment: '请补充回访情况。',
  },
  {
    county: '新华区',
    kind: 'work_update',
    title: '新华区完成代理员年度证书审核',
    content: '区信访局、区妇联对全区代理员证书进行年度审核，审核合格的继续持证上岗。',
    submittedOn: '2026-11-12',
  },
  {
    county: '宝丰县',
    kind: 'typical_case',
    title: '宝丰县依托妇女之家化解家庭暴力纠纷',
    content: '村妇女之家代理员及时发现家庭暴力苗头，协助受害妇女申请人身安全保护令，并持续跟踪回访。',
    submittedOn: '2026-05-16',
    adoptedOn: '2026-05-20',
  },
  {
    county: '宝丰县',
    kind: 'work_update',
    title: '宝丰县将妇女信访代理工作纳入和睦家庭创建',
    content: '县委、县政府将妇女信访代理工作纳入和睦家庭创建考核内容，实行一票否决。',
    submittedOn: '2025-09-03',
    adoptedOn: '2025-09-08',
  },
  {
    county: '叶县',
    kind: 'work_update',
    title: '叶县举办妇女信访代理员岗前培训',
    content: '县妇联联合县信访局举办新聘代理员岗前培训，讲解代理流程和一案一卷要求。',
    submittedOn: '2026-06-18',
  },
  {
    county: '叶县',
    kind: 'typical_case',
    title: '叶县代理员帮助农村妇女落实土地承包权益',
    content: '代理员陪同信访妇女到乡政府反映土地确权问题，乡政府依法予以更正。',
    submittedOn: '2026-09-25',
    adoptedOn: '2026-09-30',
  },
  {
    county: '郏县',
    kind: 'work_update',
    title: '郏县妇女信访代理工作点完成规范化建设',
    content: '县妇女信访代理工作点统一名称、统一流程、统一标准，工作制度和流程全部上墙。',
    submittedOn: '2026-04-09',
    adoptedOn: '2026-04-15',
  },
];

type Result = 'meets' | 'partly' | 'fails';
type Standard = 'work_systems' | 'work_point' | 'team' | 'tasks' | 'effectiveness';

interface InspectionSpec {
  county: string;
  title: string;
  inspectedOn: string;
  overall: Result;
  summary: string;
  findings: [Standard, Result, string][];
  rectifications: { standard: Standard; item: string; dueOn: string; doneOn?: string; evidence?: string }[];
}

const INSPECTIONS: InspectionSpec[] = [
  {
    county: '新华区',
    title: '2026年下半年督导检查',
    inspectedOn: '2026-10-15',
    overall: 'partly',
    summary: '新华区工作点规范，六项制度健全；部分街道代理员证书年审滞后，典型案例总结不足。',
    findings: [
      ['work_systems', 'meets', '六项工作制度齐全，重点案件已提交区信访联席会议。'],
      ['work_point', 'meets', '工作点已挂牌，制度和流程上墙，样表文本规范。'],
      ['team', 'partly', '两个街道代理员证书逾期未年审。'],
      ['tasks', 'meets', '当年办结率达到要求。'],
      ['effectiveness', 'partly', '信息上报数量偏少，典型案例总结不够。'],
    ],
    rectifications: [
      { standard: 'team', item: '完成逾期未年审代理员证书的年度审核', dueOn: '2026-11-10' },
      { standard: 'effectiveness', item: '每季度至少上报一篇典型案例', dueOn: '2026-12-15' },
      {
        standard: 'work_point',
        item: '更新上墙的代理工作流程图',
        dueOn: '2026-10-31',
        doneOn: '2026-10-28',
        evidence: '已按统一流程（受理—代理—终结—立案归档）重新制作流程图并上墙。',
      },
    ],
  },
  {
    county: '叶县',
    title: '2026年下半年督导检查',
    inspectedOn: '2026-10-20',
    overall: 'fails',
    summary: '叶县尚未将妇女信访代理工作纳入党政信访工作大局，信息上报制度缺失。',
    findings: [
      ['work_systems', 'fails', '缺少信息上报制度，重点案件未纳入联席会议。'],
      ['work_point', 'partly', '已挂牌，工作制度未上墙。'],
      ['team', 'meets', '各乡镇均有持证代理员。'],
      ['tasks', 'partly', '部分案件超期未办结。'],
      ['effectiveness', 'partly', '代理员之间信息互通不够。'],
    ],
    rectifications: [
      { standard: 'work_systems', item: '制定信息上报制度并报市妇联备案', dueOn: '2026-11-15' },
      { standard: 'work_point', item: '工作制度上墙', dueOn: '2026-12-01' },
    ],
  },
];

export function buildSupervision(counties: County[], users: AdminUserRow[], workPoints: WorkPointRow[]) {
  const countyId = (name: string) => counties.find((c) => c.name === name)!.id;
  const staff = (county: number) => users.find((u) => u.county_id === county)!.id;
  const cityAdmin = users.find((u) => u.role === 'city_admin')!.id;
  const all = counties.map((c) => c.id);

  const notice: Row[] = [];
  const notice_recipient: Row[] = [];
  NOTICES.forEach((n, i) => {
    const sender = n.county === null ? null : countyId(n.county);
    const author = sender === null ? cityAdmin : staff(sender);
    const published = n.publishedOn === null ? null : timestamp(day(n.publishedOn), 10);
    const created = timestamp(day(n.publishedOn ?? '2026-11-18'), 9);
    notice.push({
      id: i + 1,
      county_id: sender,
      title: n.title,
      body: n.body,
      status: published ? 'published' : 'draft',
      target_county_ids: n.targets ? n.targets.map(countyId) : null,
      files: '[]',
      published_at: published,
      published_by: published ? author : null,
      created_by: author,
      created_at: created,
      updated_at: published ?? created,
    });
    if (!published) return;
    for (const county of sender === null ? all : [sender]) {
      const read = !(n.unread ?? []).some((name) => countyId(name) === county);
      notice_recipient.push({
        id: notice_recipient.length + 1,
        notice_id: i + 1,
        county_id: county,
        read_at: read ? timestamp(day(n.publishedOn!) + 1, 9) : null,
        read_by: read ? staff(county) : null,
        created_at: published,
      });
    }
  });

  const info_report: Row[] = REPORTS.map((r, i) => {
    const county = countyId(r.county);
    const commented = r.comment ? timestamp(day(r.adoptedOn ?? r.submittedOn) + (r.adoptedOn ? 0 : 2), 15) : null;
    return {
      id: i + 1,
      county_id: county,
      kind: r.kind,
      title: r.title,
      content: r.content,
      submitted_on: r.submittedOn,
      personal_data_requested: false,
      city_comment: r.comment ?? null,
      commented_at: commented,
      commented_by: commented ? cityAdmin : null,
      adopted: Boolean(r.adoptedOn),
      adopted_at: r.adoptedOn ? timestamp(day(r.adoptedOn), 15) : null,
      adopted_by: r.adoptedOn ? cityAdmin : null,
      created_by: staff(county),
      created_at: timestamp(day(r.submittedOn), 9),
      updated_at: timestamp(day(r.adoptedOn ?? r.submittedOn), 15),
    };
  });

  const inspection: Row[] = [];
  const inspection_finding: Row[] = [];
  const rectification: Row[] = [];
  INSPECTIONS.forEach((v, i) => {
    const county = countyId(v.county);
    const at = timestamp(day(v.inspectedOn), 16);
    inspection.push({
      id: i + 1,
      county_id: county,
      work_point_id: workPoints.find((w) => w.county_id === county)!.id,
      title: v.title,
      inspected_on: v.inspectedOn,
      inspectors: '市妇联权益部 王琼、张敏',
      overall_result: v.overall,
      summary: v.summary,
      files: '[]',
      created_by: cityAdmin,
      created_at: at,
      updated_at: at,
    });
    for (const [standard, result, finding] of v.findings) {
      inspection_finding.push({
        id: inspection_finding.length + 1,
        inspection_id: i + 1,
        county_id: county,
        standard,
        result,
        finding,
        created_at: at,
        updated_at: at,
      });
    }
    for (const r of v.rectifications) {
      rectification.push({
        id: rectification.length + 1,
        inspection_id: i + 1,
        county_id: county,
        standard: r.standard,
        item: r.item,
        due_on: r.dueOn,
        status: r.doneOn ? 'done' : 'open',
        done_on: r.doneOn ?? null,
        evidence: r.evidence ?? null,
        done_by: r.doneOn ? staff(county) : null,
        files: '[]',
        created_at: at,
        updated_at: r.doneOn ? timestamp(day(r.doneOn), 11) : at,
      });
    }
  });

  return { notice, notice_recipient, info_report, inspection, inspection_finding, rectification };
}
