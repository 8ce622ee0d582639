// A case of the statistics for the domain's specs (not built into the app: tsconfig.build.json): the
// handling limit and the reply's 7 days counted on weekends only (no holidays), from what the spec gives.
import { handlingDueOn } from './case-deadlines.js';
import type { StatisticsCase } from './case-statistics.js';
import { limitEnd } from './case-policy.js';
import { WEEKENDS_ONLY } from './legal-calendar.js';

export const base: StatisticsCase = {
  category: 'marriage_family',
  source: 'visit',
  isKey: false,
  inJointMeeting: false,
  isGroup: false,
  acceptedOn: '2025-03-01',
  handlingDueOn: '2025-04-30',
  replyDueOn: null,
  representingSince: null,
  concludedOn: null,
  replyIssuedOn: null,
  archivedOn: null,
  terminatedOn: null,
  reviewRequestedOn: null,
};
export const c = (over: Partial<StatisticsCase> & { extensionDays?: number }): StatisticsCase => {
  const { extensionDays = null, ...rest } = over;
  const acceptedOn = over.acceptedOn ?? base.acceptedOn;
  // due days on weekends only here (no holidays): a last day on a Saturday or Sunday moves to Monday
  const concludedOn = over.concludedOn ?? null;
  return {
    ...base,
    handlingDueOn: handlingDueOn({ acceptedOn, extensionDays }, WEEKENDS_ONLY),
    replyDueOn: concludedOn && limitEnd(concludedOn, 'replyDays', WEEKENDS_ONLY),
    ...rest,
  };
};
