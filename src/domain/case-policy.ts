// The time limits a case is held to, in calendar days. One place, so that a change of policy is one edit.
export const CASE_POLICY = {
  /** 条例第二十三条: the petitioner is told in writing within 15 days that the matter was received */
  acceptanceNoticeDays: 15,
  /** 附件2 第五条: the reply opinion (附件5) within 7 days after the case is concluded */
  replyDays: 7,
  /** 附件2 第五条: she may ask the next level up to review it within 15 days */
  reviewWindowDays: 15,
  /** 条例第三十四条: handled within 60 days of acceptance */
  handlingDays: 60,
  /** 条例第三十四条: extended once, by at most 30 days, with approval and the reason told to her */
  maxExtensionDays: 30,
  /** 条例第三十五条: a review is requested within 30 days of the written reply */
  reviewRequestDays: 30,
  /** 条例第三十五条: and answered within 30 days of the request */
  reviewAnswerDays: 30,
  /** 条例第三十六条: a re-review is requested within 30 days of the review answer */
  reReviewRequestDays: 30,
  /** lists and the home page warn this many days ahead (即将到期) */
  dueSoonDays: 3,
} as const;

export type CasePolicy = { readonly [K in keyof typeof CASE_POLICY]: number };
