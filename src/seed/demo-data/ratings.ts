import type { Rating } from '../../domain/vocabulary.js';
import { DEMO_TODAY, day, timestamp } from './calendar.js';
import type { PetitionCaseRow } from './cases.js';
import type { Random } from './random.js';

export interface CaseRatingRow {
  case_id: number;
  rating: Rating;
  comment: string | null;
  first_rated_at: string;
  rated_at: string;
  times: number;
}

const DISSATISFIED_COMMENTS = ['办理太慢，等了很久才有答复', '问题没有真正解决', '答复意见书没有讲清楚依据'];

/**
 * 条例第二十一条: her rating on the query page, within 15 days of the reply opinion. In the demo about
 * three in five women rate, mostly 满意, some 基本满意, a few 不满意 (with why), so the 满意率 table and the
 * home page's 信访人不满意 list have something to show.
 */
export function buildRatings(rng: Random, cases: readonly PetitionCaseRow[]): CaseRatingRow[] {
  const rows: CaseRatingRow[] = [];
  for (const c of cases) {
    if (!c.reply_issued_on || !rng.chance(0.6)) continue;
    const on = day(c.reply_issued_on) + rng.int(1, 14);
    if (on > DEMO_TODAY) continue;
    const rating = rng.weighted<Rating>([
      ['satisfied', 70],
      ['basically_satisfied', 22],
      ['dissatisfied', 8],
    ]);
    const at = timestamp(on, 20);
    rows.push({
      case_id: c.id,
      rating,
      comment: rating === 'dissatisfied' ? rng.pick(DISSATISFIED_COMMENTS) : null,
      first_rated_at: at,
      rated_at: at,
      times: 1,
    });
  }
  return rows;
}
