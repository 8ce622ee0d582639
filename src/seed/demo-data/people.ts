import { idNumberCheckChar } from '../../domain/id-number.js';
import type { Gender } from '../../domain/vocabulary.js';
import { Day, iso } from './calendar.js';
import { Random } from './random.js';

// Surnames weighted roughly as they occur in 河南; given names common for women and men born 1950–2000.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 10],
  ['李', 9],
  ['张', 9],
  ['刘', 7],
  ['陈', 4],
  ['杨', 4],
  ['赵', 4],
  ['郭', 3],
  ['黄', 2],
  ['周', 2],
  ['吴', 2],
  ['孙', 3],
  ['马', 3],
  ['朱', 2],
  ['胡', 2],
  ['徐', 2],
  ['高', 3],
  ['宋', 2],
  ['牛', 1],
  ['崔', 1],
  ['范', 1],
  ['贾', 1],
  ['袁', 1],
  ['杜', 1],
  ['程', 1],
  ['曹', 1],
  ['许', 1],
  ['冯', 1],
  ['邓', 1],
  ['彭', 1],
  ['魏', 1],
  ['史', 1],
  ['段', 1],
  ['申', 1],
  ['卢', 1],
  ['韩', 1],
  ['田', 1],
  ['樊', 1],
  ['任', 1],
  ['姚', 1],
];

const FEMALE_GIVEN_NAMES = [
  '秀英',
  '桂兰',
  '玉兰',
  '淑珍',
  '凤英',
  '秀兰',
  '玉梅',
  '桂英',
  '春梅',
  '红霞',
  '丽',
  '娟',
  '敏',
  '静',
  '艳',
  '芳',
  '霞',
  '红',
  '丽娟',
  '俊霞',
  '晓燕',
  '海燕',
  '雪梅',
  '艳红',
  '丽萍',
  '淑芳',
  '爱华',
  '翠萍',
  '巧玲',
  '慧敏',
  '雅琴',
  '晓丽',
  '亚楠',
  '梦瑶',
  '欣怡',
  '佳琪',
  '晓静',
  '婷婷',
  '莉',
  '素芳',
  '会娟',
  '彩霞',
  '瑞霞',
  '玉霞',
  '秋菊',
  '冬梅',
  '改青',
  '金凤',
  '荣',
  '新华',
  '素琴',
  '小红',
  '丽霞',
  '珊珊',
  '晓敏',
  '国英',
  '书琴',
  '雪丽',
];

const MALE_GIVEN_NAMES = [
  '建国',
  '国强',
  '志刚',
  '建华',
  '军',
  '伟',
  '磊',
  '强',
  '勇',
  '红军',
  '新民',
  '振华',
  '保国',
  '建军',
  '海涛',
  '卫国',
  '永强',
  '晓东',
  '俊杰',
  '明亮',
  '长青',
  '国庆',
  '建设',
  '学文',
  '占军',
];

export type { Gender };

export function surname(rng: Random): string {
  return rng.weighted(SURNAMES);
}

export function personName(rng: Random, gender: Gender): string {
  return surname(rng) + rng.pick(gender === 'female' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
}

/**
 * A valid GB 11643 ID number: address code, birth date, a sequence whose last digit is even for women
 * and odd for men, and the check character. Never repeats a number in `used`.
 */
export function idNumber(rng: Random, addressCode: string, birth: Day, gender: Gender, used: Set<string>): string {
  const birthDigits = iso(birth).replaceAll('-', '');
  for (;;) {
    const parity = gender === 'female' ? rng.int(0, 4) * 2 : rng.int(0, 4) * 2 + 1;
    const sequence = String(rng.int(1, 99)).padStart(2, '0') + String(parity);
    const first17 = addressCode + birthDigits + sequence;
    const value = first17 + idNumberCheckChar(first17);
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
];

/** An 11-digit mobile number (13x/15x/18x), unique within `used`. */
export function mobilePhone(rng: Random, used: Set<string>): string {
  for (;;) {
    const value = rng.pick(MOBILE_PREFIXES) + rng.digits(8);
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}
