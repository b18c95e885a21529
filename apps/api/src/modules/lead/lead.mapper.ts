import { maskPhone, type LeadListItem, type PoolSettings } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { DAY_MS } from '../../core/clock/clock';
import { seesFullPhone } from './access/lead-access.policy';
import type { LeadEntity } from './lead.entity';

export type Names = Map<string, string>;

/** An ISO string of a stored date, or null when the stored value is not a valid date (never a throw). */
export function isoOrNull(date: Date | null | undefined): string | null {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** When a private, open lead returns to the public pool unless followed up. */
export function recycleAt(lead: LeadEntity, settings: PoolSettings): Date | null {
  if (lead.pool !== 'private' || !lead.ownerActivityAt || lead.status === 'converted' || lead.status === 'lost') return null;
  return new Date(lead.ownerActivityAt.getTime() + settings.recycleDays * DAY_MS);
}

export function toLeadListItem(lead: LeadEntity, user: AuthUser, names: Names, settings: PoolSettings): LeadListItem {
  const full = seesFullPhone(user, lead);
  return {
    id: lead.id,
    name: lead.name,
    phone: full ? lead.phone : maskPhone(lead.phone),
    phoneMasked: !full,
    status: lead.status,
    ownerStaffId: lead.ownerStaffId,
    ownerName: lead.ownerStaffId ? (names.get(lead.ownerStaffId) ?? null) : null,
    branchId: lead.branchId,
    pool: lead.pool,
    touchCount: lead.touchCount,
    createdAt: lead.createdAt.toISOString(),
    lastTouchAt: lead.lastTouchAt.toISOString(),
    protectedUntil: lead.pool === 'private' && lead.protectedUntil ? lead.protectedUntil.toISOString() : null,
    recycleAt: recycleAt(lead, settings)?.toISOString() ?? null,
    lastFollowUpAt: lead.lastFollowUpAt?.toISOString() ?? null,
  };
}
