import { maskPhone, type FollowUp, type LeadListItem, type PoolSettings } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import type { FollowUpEntity } from './follow-up.entity';
import type { LeadEntity } from './lead.entity';

export type Names = Map<string, string>;

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whose phones a user sees in full: every lead's (HQ admins), or only the leads they own. The one place this
 * rule lives: the list, the detail and search (`q` matches only the digits a user can see) all follow it.
 */
export function fullPhoneScope(user: AuthUser): 'all' | { ownerStaffId: string } {
  return user.role === 'hq_admin' ? 'all' : { ownerStaffId: user.id };
}

/** The full phone for the lead's owner and HQ admins; masked (138****5678) for everyone else. */
export function seesFullPhone(user: AuthUser, lead: LeadEntity): boolean {
  const scope = fullPhoneScope(user);
  return scope === 'all' || lead.ownerStaffId === scope.ownerStaffId;
}

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

export function toFollowUp(f: FollowUpEntity, names: Names): FollowUp {
  return {
    id: f.id,
    leadId: f.leadId,
    staffId: f.staffId,
    staffName: names.get(f.staffId) ?? null,
    method: f.method,
    note: f.note,
    nextAt: isoOrNull(f.nextAt),
    createdAt: f.createdAt.toISOString(),
  };
}
