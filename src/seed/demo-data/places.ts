import type { OrgLevel } from '../../domain/vocabulary.js';
import { day, timestamp } from './calendar.js';

// GB/T 2260 codes of 平顶山市 and its county-level units; townships and villages follow the GB/T 10114
// numbering habit (街道 0xx, 镇 1xx, 乡 2xx; 社区 0xx, 村 2xx) under their parent's code.
const CITY = {
  code: '410400',
  name: '平顶山市',
  shortName: '平顶山',
  contactPerson: '市妇联权益部',
  contactPhone: '0375-2666938',
  address: '平顶山市新华区建设路中段市妇联',
};

/** What the demo says of a county-level unit, in its table and once its rows have ids. */
export interface CountyIdentity {
  code: string;
  name: string;
  /** the abbreviation used in case and archive numbers */
  shortName: string;
  contactPerson: string;
  contactPhone: string;
  address: string;
}

interface CountyTable extends CountyIdentity {
  townships: string[];
}

const COUNTIES: CountyTable[] = [
  {
    code: '410402',
    name: '新华区',
    shortName: '新华',
    contactPerson: '李静',
    contactPhone: '0375-2612306',
    address: '平顶山市新华区建设路西段新华区妇联',
    townships: [
      '新华路街道',
      '西市场街道',
      '曙光街街道',
      '青石山街道',
      '光明路街道',
      '中兴路街道',
      '矿工路街道',
      '西高皇街道',
      '湛河北路街道',
      '新新街街道',
      '焦店镇',
      '滍阳镇',
    ],
  },
  {
    code: '410403',
    name: '卫东区',
    shortName: '卫东',
    contactPerson: '王晓燕',
    contactPhone: '0375-3921516',
    address: '平顶山市卫东区建设路东段卫东区妇联',
    townships: [
      '东安路街道',
      '五一路街道',
      '建设路街道',
      '东环路街道',
      '东工人镇街道',
      '优越路街道',
      '北环路街道',
      '鸿鹰街道',
      '光华路街道',
      '申楼街道',
      '皇台街道',
      '东高皇街道',
      '蒲城街道',
    ],
  },
  {
    code: '410404',
    name: '石龙区',
    shortName: '石龙',
    contactPerson: '赵红霞',
    contactPhone: '0375-6061205',
    address: '平顶山市石龙区人民路石龙区妇联',
    townships: ['人民路街道', '龙兴街道', '龙河街道', '高庄街道'],
  },
  {
    code: '410411',
    name: '湛河区',
    shortName: '湛河',
    contactPerson: '张丽娟',
    contactPhone: '0375-8292716',
    address: '平顶山市湛河区开源路湛河区妇联',
    townships: [
      '南环路街道',
      '姚孟街道',
      '高阳路街道',
      '九里山街道',
      '马庄街道',
      '轻工路街道',
      '河滨街道',
      '荆山街道',
      '北渡街道',
      '曹镇乡',
    ],
  },
  {
    code: '410421',
    name: '宝丰县',
    shortName: '宝丰',
    contactPerson: '刘玉梅',
    contactPhone: '0375-6522416',
    address: '宝丰县城关镇前营路宝丰县妇联',
    townships: [
      '城关镇',
      '周庄镇',
      '闹店镇',
      '石桥镇',
      '商酒务镇',
      '大营镇',
      '张八桥镇',
      '杨庄镇',
      '赵庄镇',
      '前营乡',
      '李庄乡',
      '肖旗乡',
    ],
  },
  {
    code: '410422',
    name: '叶县',
    shortName: '叶县',
    contactPerson: '孙桂兰',
    contactPhone: '0375-8122309',
    address: '叶县昆阳街道昆阳大道叶县妇联',
    townships: [
      '昆阳街道',
      '九龙街道',
      '盐都街道',
      '任店镇',
      '保安镇',
      '仙台镇',
      '遵化店镇',
      '叶邑镇',
      '廉村镇',
      '常村镇',
      '洪庄杨镇',
      '龙泉乡',
      '邓李乡',
      '水寨乡',
      '夏李乡',
    ],
  },
  {
    code: '410423',
    name: '鲁山县',
    shortName: '鲁山',
    contactPerson: '陈凤英',
    contactPhone: '0375-5051168',
    address: '鲁山县鲁阳街道人民路鲁山县妇联',
    townships: [
      '鲁阳街道',
      '汇源街道',
      '琴台街道',
      '露峰街道',
      '下汤镇',
      '梁洼镇',
      '张官营镇',
      '张良镇',
      '尧山镇',
      '赵村镇',
      '瓦屋镇',
      '辛集乡',
      '马楼乡',
      '团城乡',
      '四棵树乡',
    ],
  },
  {
    code: '410425',
    name: '郏县',
    shortName: '郏县',
    contactPerson: '马艳红',
    contactPhone: '0375-5161219',
    address: '郏县龙山街道龙山大道郏县妇联',
    townships: [
      '龙山街道',
      '东城街道',
      '冢头镇',
      '安良镇',
      '堂街镇',
      '薛店镇',
      '长桥镇',
      '茨芭镇',
      '黄道镇',
      '李口镇',
      '王集乡',
      '姚庄回族乡',
      '渣园乡',
      '广阔天地乡',
    ],
  },
  {
    code: '410481',
    name: '舞钢市',
    shortName: '舞钢',
    contactPerson: '杨淑珍',
    contactPhone: '0375-8112236',
    address: '舞钢市垭口街道湖滨大道舞钢市妇联',
    townships: [
      '垭口街道',
      '寺坡街道',
      '院岭街道',
      '矿建街道',
      '朱兰街道',
      '枣林镇',
      '尚店镇',
      '八台镇',
      '尹集镇',
      '武功乡',
      '庙街乡',
      '杨庄乡',
    ],
  },
  {
    code: '410482',
    name: '汝州市',
    shortName: '汝州',
    contactPerson: '郭春梅',
    contactPhone: '0375-6822160',
    address: '汝州市丹阳中路汝州市妇联',
    townships: [
      '煤山街道',
      '风穴路街道',
      '钟楼街道',
      '洗耳河街道',
      '汝南街道',
      '紫云路街道',
      '临汝镇',
      '寄料镇',
      '温泉镇',
      '小屯镇',
      '杨楼镇',
      '蟒川镇',
      '庙下镇',
      '陵头镇',
      '米庙镇',
    ],
  },
];

/** Villages and communities with their own organisation rows, by "county/township". */
const VILLAGES: Record<string, string[]> = {
  '新华区/焦店镇': ['焦店村', '程庄村', '岳庄村'],
  '新华区/滍阳镇': ['东滍村', '西滍村', '北滍村'],
  '新华区/光明路街道': ['光明社区', '建新社区'],
  '卫东区/东高皇街道': ['东高皇社区', '三里店村'],
  '卫东区/蒲城街道': ['蒲城社区', '吕庄村'],
  '石龙区/高庄街道': ['高庄社区', '西羊石村'],
  '湛河区/曹镇乡': ['曹镇村', '张庄村', '北李庄村'],
  '湛河区/北渡街道': ['北渡社区', '柳林村'],
  '宝丰县/城关镇': ['东关社区', '西关社区', '北街社区'],
  '宝丰县/杨庄镇': ['马街村', '杨庄村'],
  '宝丰县/赵庄镇': ['赵庄村', '大黄村', '黄庄村'],
  '叶县/任店镇': ['任店村', '曹庄村'],
  '叶县/叶邑镇': ['叶邑村', '东大营村', '李文庄村'],
  '叶县/常村镇': ['常村', '王营村'],
  '鲁山县/下汤镇': ['下汤村', '林庄村'],
  '鲁山县/尧山镇': ['上坪村', '大庄村', '四道河村'],
  '鲁山县/琴台街道': ['琴台社区', '东关社区'],
  '郏县/冢头镇': ['冢头村', '李渡口村', '东街村'],
  '郏县/堂街镇': ['朱洼村', '堂街村'],
  '舞钢市/尚店镇': ['尚店村', '王庄村'],
  '舞钢市/八台镇': ['八台村', '冢张村'],
  '汝州市/蟒川镇': ['蟒川村', '半坡村'],
  '汝州市/温泉镇': ['温泉村', '东营村', '北刘庄村'],
  '汝州市/临汝镇': ['临汝村', '东街社区'],
};

// Demo organisations came into the program with the notice 平妇字〔2014〕17号.
export const PROGRAM_START = day('2014-05-04');
const ORGANISED_ON = timestamp(PROGRAM_START);

export interface OrganizationRow {
  id: number;
  code: string;
  name: string;
  short_name: string | null;
  level: OrgLevel;
  parent_id: number | null;
  county_id: number | null;
  contact_person: string | null;
  contact_phone: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
}

export interface Village {
  id: number;
  name: string;
}

export interface Township {
  id: number;
  name: string;
  villages: Village[];
}

export interface County extends CountyIdentity {
  id: number;
  townships: Township[];
}

export interface Places {
  cityId: number;
  counties: County[];
  rows: OrganizationRow[];
}

/**
 * The organisation rows of a world (the demo's, the scale generator's), numbered in the order added and
 * created when the program started: the city first (with `cityCode`), then what is added — a county-level
 * unit is its own county, under the city.
 */
export function organizationTable(cityCode: string) {
  const rows: OrganizationRow[] = [];
  const add = (row: Omit<OrganizationRow, 'id' | 'created_at' | 'updated_at'>): number => {
    const id = rows.length + 1;
    rows.push({ id, ...row, created_at: ORGANISED_ON, updated_at: ORGANISED_ON });
    return id;
  };
  /** a unit with its own contacts: the city, or a county-level unit (its own county) under it */
  const unit = (c: CountyIdentity, level: 'city' | 'county', parentId: number | null) =>
    add({
      code: c.code,
      name: c.name,
      short_name: c.shortName,
      level,
      parent_id: parentId,
      county_id: level === 'county' ? rows.length + 1 : null,
      contact_person: c.contactPerson,
      contact_phone: c.contactPhone,
      address: c.address,
    });
  const cityId = unit({ ...CITY, code: cityCode }, 'city', null);
  const addCounty = (c: CountyIdentity): number => unit(c, 'county', cityId);
  return { rows, add, addCounty, cityId };
}

/** The organisation tree: city first, then the counties, then each county's townships and villages. */
export function buildPlaces(): Places {
  const { rows, add, addCounty, cityId } = organizationTable(CITY.code);
  const none = { short_name: null, contact_person: null, contact_phone: null, address: null };
  const counties: County[] = COUNTIES.map((c) => ({ ...c, id: addCounty(c), townships: [] }));
  counties.forEach((county, i) => {
    const codes = new SuffixCounter();
    for (const name of COUNTIES[i].townships) {
      const code = county.code + codes.next(townshipKind(name));
      const id = add({ ...none, code, name, level: 'township', parent_id: county.id, county_id: county.id });
      county.townships.push({ id, name, villages: [] });
    }
  });
  counties.forEach((county) => {
    for (const township of county.townships) {
      const codes = new SuffixCounter();
      const parentCode = rows[township.id - 1].code;
      for (const name of VILLAGES[`${county.name}/${township.name}`] ?? []) {
        const code = parentCode + codes.next(name.endsWith('社区') ? 0 : 2);
        const id = add({ ...none, code, name, level: 'village', parent_id: township.id, county_id: county.id });
        township.villages.push({ id, name });
      }
    }
  });
  return { cityId, counties, rows };
}

/** The hundreds digit of a township code: 街道 0, 镇 1, 乡 2. */
function townshipKind(name: string): number {
  if (name.endsWith('街道')) return 0;
  if (name.endsWith('镇')) return 1;
  return 2;
}

/** Three-digit code suffixes, numbered from 1 within each hundred. */
class SuffixCounter {
  private readonly used = new Map<number, number>();

  next(hundred: number): string {
    const n = (this.used.get(hundred) ?? 0) + 1;
    this.used.set(hundred, n);
    return String(hundred * 100 + n).padStart(3, '0');
  }
}
