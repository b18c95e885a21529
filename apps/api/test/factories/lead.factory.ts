import { DEFAULT_POOL_SETTINGS, type PoolSettings } from '@fenji/shared';
import { DAY_MS } from '../../src/core/clock/clock';
import { newId } from '../../src/core/database/id.util';
import type { LeadEntity } from '../../src/modules/lead/lead.entity';

/** The moment the unit tests live at (a fixed time: rules that count days read the same on every run). */
export const NOW = new Date('2026-03-02T04:00:00.000Z');

let phones = 0;

/** A lead as the database holds it: private to `staff-owner` in `branch-a`, protected for the default 30 days. */
export function leadFactory(overrides: Partial<LeadEntity> = {}): LeadEntity {
  const createdAt = overrides.createdAt ?? new Date(NOW.getTime() - DAY_MS);
  return {
    id: newId(createdAt.getTime()),
    phone: `139${String(++phones).padStart(8, '0')}`,
    name: '王芳',
    status: 'new',
    pool: 'private',
    ownerStaffId: 'staff-owner',
    branchId: 'branch-a',
    firstShareId: 'share-first',
    referrerVisitorId: null,
    chainDepth: 0,
    message: null,
    consentVersion: '2026-01',
    consentedAt: createdAt,
    protectedUntil: new Date(createdAt.getTime() + DEFAULT_POOL_SETTINGS.protectionDays * DAY_MS),
    touchCount: 1,
    ownershipVersion: 1,
    ownerActivityAt: createdAt,
    recycleWarnedAt: null,
    lastFollowUpAt: null,
    releasedByStaffId: null,
    releasedAt: null,
    createdAt,
    lastTouchAt: createdAt,
    doNotContactAt: null,
    doNotContactReason: null,
    wechatId: null,
    nextFollowUpAt: null,
    sourceContentId: 'content-first',
    sourceChannel: 'wechat_friend',
    erasedAt: null,
    ...overrides,
  };
}

/** A lead in the public pool, released by `releasedBy` `daysAgo` days before NOW. */
export function publicLeadFactory(releasedBy: string | null = 'staff-previous', daysAgo = 10, overrides: Partial<LeadEntity> = {}): LeadEntity {
  return leadFactory({
    pool: 'public',
    ownerStaffId: null,
    protectedUntil: null,
    ownerActivityAt: null,
    releasedByStaffId: releasedBy,
    releasedAt: releasedBy ? new Date(NOW.getTime() - daysAgo * DAY_MS) : null,
    ownershipVersion: 2,
    ...overrides,
  });
}

/** HQ's pool rules: the defaults, changed where a test says. */
export function settingsFactory(overrides: Partial<PoolSettings> = {}): PoolSettings {
  return { ...DEFAULT_POOL_SETTINGS, ...overrides };
}
