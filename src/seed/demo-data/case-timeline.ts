import { limitEnd } from '../../domain/case-policy.js';
import type { CaseState } from '../../domain/vocabulary.js';
import { LEGAL_SCHEDULE } from '../../services/legal-schedule.js';
import { DEMO_TODAY, Day, day, iso } from './calendar.js';
import { Random } from './random.js';

// 条例第三十四条: a petition is handled within 60 days, extendable once by at most 30.
const HANDLING_DAYS = 60;

export type { CaseState };

/** Everything that will happen to a case, whether or not it has happened by the demo's today. */
export interface Plan {
  accepted: Day;
  acceptanceNotified: Day | null;
  agreementSigned: Day;
  notified: Day;
  extension: { days: number; notifiedOn: Day } | null;
  closing:
    | {
        kind: 'concluded';
        on: Day;
        reply: Day | null;
        review: { requested: Day; answered: Day } | null;
        /** she declined the review in writing (附件2 第五条), so the file could be archived early */
        reviewDeclined: Day | null;
        archived: Day | null;
      }
    | { kind: 'terminated'; on: Day };
}

/** What has happened by `today`: the case's state and the dates it has so far. */
export interface Progress {
  state: CaseState;
  accepted: Day;
  acceptanceNotified: Day | null;
  agreementSigned: Day | null;
  notified: Day | null;
  extension: { days: number; notifiedOn: Day } | null;
  concluded: Day | null;
  reply: Day | null;
  reviewRequested: Day | null;
  reviewAnswered: Day | null;
  reviewDeclined: Day | null;
  archived: Day | null;
  terminated: Day | null;
}

/**
 * Most cases are handled well within the 60 days and replied to within 7 (附件2 第五条); some come
 * close to the limit, some are extended, some run late, some are terminated, and a few are never archived.
 */
export function planCase(rng: Random, accepted: Day): Plan {
  const agreementSigned =
    accepted +
    rng.weighted([
      [rng.int(0, 3), 55],
      [rng.int(4, 14), 30],
      [rng.int(15, 45), 15],
    ]);
  const notified =
    agreementSigned +
    rng.weighted([
      [0, 70],
      [rng.int(1, 3), 30],
    ]);
  const plan: Plan = {
    accepted,
    acceptanceNotified: null,
    agreementSigned,
    notified,
    extension: null,
    closing: { kind: 'terminated', on: notified + rng.int(10, 90) },
  };
  if (!rng.chance(0.05)) {
    const pace = rng.weighted([
      ['normal', 80],
      ['near_limit', 12],
      ['extended', 3],
      ['late', 5],
    ] as const);
    let handled = 0;
    if (pace === 'normal') handled = rng.int(12, 51);
    if (pace === 'near_limit') handled = rng.int(52, HANDLING_DAYS);
    if (pace === 'late') handled = rng.int(HANDLING_DAYS + 1, 180);
    if (pace === 'extended') {
      plan.extension = { days: rng.int(10, 30), notifiedOn: accepted + rng.int(50, HANDLING_DAYS - 1) };
      handled = rng.int(HANDLING_DAYS + 1, HANDLING_DAYS + plan.extension.days);
    }
    const concluded = Math.max(accepted + handled, notified + 1);
    const drawnReply = rng.weighted([
      [concluded + rng.int(1, 7), 85],
      [concluded + rng.int(8, 25), 10],
      [null, 5],
    ]);
    // a reply still missing is one the office is behind on now (附件2 第五条: 7 days), not a file forgotten
    // for years: an older case got its reply, late (8 to 25 days)
    const reply = drawnReply === null && concluded < DEMO_TODAY - 21 ? concluded + 8 + (concluded % 18) : drawnReply;
    // 附件2 第五条 gives her 15 days to ask for a review; 条例第三十五条 30
    const requested =
      reply !== null && rng.chance(0.03)
        ? reply +
          rng.weighted([
            [rng.int(2, 15), 80],
            [rng.int(16, 30), 20],
          ])
        : null;
    const review = requested === null ? null : { requested, answered: requested + rng.int(10, 30) };
    const fileFrom = review?.answered ?? reply ?? concluded;
    const drawn = rng.weighted([
      [fileFrom + rng.int(3, 45), 85],
      [fileFrom + rng.int(60, 300), 10],
      [null, 5],
    ]);
    // 一案一卷: no file is archived without its reply (附件5)
    const archived = reply === null ? null : drawn;
    // 附件2 第五条: archived inside the review window only when she declined the review in writing
    // (15 days on the legal calendar: a last day on a rest day moves on, 民法典第二百零三条)
    const early =
      archived !== null &&
      review === null &&
      archived <= day(limitEnd(iso(reply!), 'reviewWindowDays', LEGAL_SCHEDULE));
    const reviewDeclined = early ? reply! + Math.floor((archived - reply!) / 2) : null;
    plan.closing = { kind: 'concluded', on: concluded, reply, review, reviewDeclined, archived };
  }
  // 条例第二十三条: acceptance is notified within 15 days; some counties are late
  const notice = rng.weighted([
    [accepted + rng.int(1, 10), 85],
    [accepted + rng.int(16, 25), 10],
    [null, 5],
  ]);
  // 受理 before 代理: the notice is given at the latest when the agreement is signed
  plan.acceptanceNotified = Math.min(notice ?? agreementSigned, agreementSigned);
  return plan;
}

/** The case as it stands on `today`: later events have not happened yet. */
export function progressOn(plan: Plan, today: Day = DEMO_TODAY): Progress {
  const happened = (d: Day | null) => (d !== null && d <= today ? d : null);
  const p: Progress = {
    state: 'accepted',
    accepted: plan.accepted,
    acceptanceNotified: happened(plan.acceptanceNotified),
    agreementSigned: null,
    notified: null,
    extension: null,
    concluded: null,
    reply: null,
    reviewRequested: null,
    reviewAnswered: null,
    reviewDeclined: null,
    archived: null,
    terminated: null,
  };
  if (plan.notified > today) return p;
  p.state = 'representing';
  p.agreementSigned = plan.agreementSigned;
  p.notified = plan.notified;
  if (plan.extension && plan.extension.notifiedOn <= today) p.extension = plan.extension;

  const closing = plan.closing;
  if (closing.on > today) return p;
  if (closing.kind === 'terminated') {
    p.state = 'terminated';
    p.terminated = closing.on;
    return p;
  }
  p.state = 'concluded';
  p.concluded = closing.on;
  p.reply = happened(closing.reply);
  p.reviewRequested = happened(closing.review?.requested ?? null);
  p.reviewAnswered = p.reviewRequested === null ? null : happened(closing.review?.answered ?? null);
  p.reviewDeclined = happened(closing.reviewDeclined);
  p.archived = happened(closing.archived);
  if (p.archived !== null) p.state = 'archived';
  return p;
}

/** The last day anything happened to the case. */
export function lastEvent(p: Progress): Day {
  const days = [
    p.accepted,
    p.acceptanceNotified,
    p.notified,
    p.extension?.notifiedOn ?? null,
    p.concluded,
    p.reply,
    p.reviewRequested,
    p.reviewAnswered,
    p.reviewDeclined,
    p.archived,
    p.terminated,
  ];
  return Math.max(...days.filter((d): d is Day => d !== null));
}
