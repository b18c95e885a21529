import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';
import { LeadPool1764201600000 } from './migrations/1764201600000-lead-pool';
import { LeadFilterIndexes1764288000000 } from './migrations/1764288000000-lead-filter-indexes';
import { LeadSearchGrams1764374400000 } from './migrations/1764374400000-lead-search-grams';
import { SecurityReviewColumns1764460800000 } from './migrations/1764460800000-security-review-columns';
import { HqAdminWithoutBranch1764460800001 } from './migrations/1764460800001-hq-admin-without-branch';
import { VisiblePhoneGrams1764460800002 } from './migrations/1764460800002-visible-phone-grams';
import { ReplayUnappliedOwnership1764547200000 } from './migrations/1764547200000-replay-unapplied-ownership';
import { VisitorHeatRadar1764633600000 } from './migrations/1764633600000-visitor-heat-radar';
import { StatsRollups1764633600001 } from './migrations/1764633600001-stats-rollups';
import { SubscriptionQuotas1764633600002 } from './migrations/1764633600002-subscription-quotas';
import { StatsDimensions1764633600003 } from './migrations/1764633600003-stats-dimensions';
import { LeadCareColumns1764720000000 } from './migrations/1764720000000-lead-care-columns';
import { LeadCareBackfill1764720000001 } from './migrations/1764720000001-lead-care-backfill';
import { CollisionResolutions1764720000002 } from './migrations/1764720000002-collision-resolutions';
import { ContentsCardsBrand1764806400000 } from './migrations/1764806400000-contents-cards-brand';
import { ContentStatusBackfill1764806400001 } from './migrations/1764806400001-content-status-backfill';
import { ConsentLedger1764892800000 } from './migrations/1764892800000-consent-ledger';
import { BackfillConsents1764892800001 } from './migrations/1764892800001-backfill-consents';
import { PrivacyRequests1764892800002 } from './migrations/1764892800002-privacy-requests';
import { LeadHeatIndexes1764979200000 } from './migrations/1764979200000-lead-heat-indexes';

/** In order. A committed migration is never edited: add a new one. */
export const MIGRATIONS = [
  InitialSchema1764115200000,
  LeadPool1764201600000,
  LeadFilterIndexes1764288000000,
  LeadSearchGrams1764374400000,
  SecurityReviewColumns1764460800000,
  HqAdminWithoutBranch1764460800001,
  VisiblePhoneGrams1764460800002,
  ReplayUnappliedOwnership1764547200000,
  VisitorHeatRadar1764633600000,
  StatsRollups1764633600001,
  SubscriptionQuotas1764633600002,
  StatsDimensions1764633600003,
  LeadCareColumns1764720000000,
  LeadCareBackfill1764720000001,
  CollisionResolutions1764720000002,
  ContentsCardsBrand1764806400000,
  ContentStatusBackfill1764806400001,
  ConsentLedger1764892800000,
  BackfillConsents1764892800001,
  PrivacyRequests1764892800002,
  LeadHeatIndexes1764979200000,
];
