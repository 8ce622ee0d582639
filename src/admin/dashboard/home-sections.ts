import type { DataSource } from 'typeorm';
import type { Actor } from '../../domain/access-policy.js';
import { caseDeadlinesSection } from './case-deadlines.section.js';
import { dissatisfiedRatingsSection } from './dissatisfied-ratings.section.js';
import { noticesSection } from './notices.section.js';
import { rectificationsSection } from './rectifications.section.js';
import { certificateReviewsSection } from './certificate-reviews.section.js';
import { annualStatisticsSection } from './annual-statistics.section.js';

/** A list shown on the admin home page for the signed-in user: what she must act on. */
export interface HomeListSection {
  id: string;
  title: string;
  /** shown when `rows` is empty */
  empty: string;
  rows: { label: string; detail: string; href: string; tone?: 'danger' | 'warning' | 'info' }[];
  /** link to the full, filtered list */
  moreHref?: string;
  total: number;
}

export type HomeSectionProvider = (ctx: { ds: DataSource; actor: Actor; now: Date }) => Promise<HomeListSection | null>;

/**
 * The providers, in display order. Each feature adds its own (overdue cases, certificates due for
 * review, unread notices…); a provider returns null when its list does not concern this user.
 */
export const HOME_SECTION_PROVIDERS: HomeSectionProvider[] = [];
HOME_SECTION_PROVIDERS.push(caseDeadlinesSection);
HOME_SECTION_PROVIDERS.push(dissatisfiedRatingsSection);
HOME_SECTION_PROVIDERS.push(certificateReviewsSection);
HOME_SECTION_PROVIDERS.push(noticesSection);
HOME_SECTION_PROVIDERS.push(rectificationsSection);
HOME_SECTION_PROVIDERS.push(annualStatisticsSection);
