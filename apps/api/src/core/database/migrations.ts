import { InitialSchema1764115200000 } from './migrations/1764115200000-initial-schema';
import { LeadPool1764201600000 } from './migrations/1764201600000-lead-pool';
import { LeadFilterIndexes1764288000000 } from './migrations/1764288000000-lead-filter-indexes';
import { LeadSearchGrams1764374400000 } from './migrations/1764374400000-lead-search-grams';
import { SecurityReviewColumns1764460800000 } from './migrations/1764460800000-security-review-columns';
import { HqAdminWithoutBranch1764460800001 } from './migrations/1764460800001-hq-admin-without-branch';
import { VisiblePhoneGrams1764460800002 } from './migrations/1764460800002-visible-phone-grams';
import { ReplayUnappliedOwnership1764547200000 } from './migrations/1764547200000-replay-unapplied-ownership';
import { ConsentLedger1764892800000 } from './migrations/1764892800000-consent-ledger';
import { BackfillConsents1764892800001 } from './migrations/1764892800001-backfill-consents';
import { PrivacyRequests1764892800002 } from './migrations/1764892800002-privacy-requests';

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
  ConsentLedger1764892800000,
  BackfillConsents1764892800001,
  PrivacyRequests1764892800002,
];
