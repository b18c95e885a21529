import { normalizePhone, type LeadFilter, type PoolSettings } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { DAY_MS } from '../../../core/clock/clock';
import { idFloor } from '../../../core/database/id.util';
import type { LeadEntity } from '../lead.entity';
import type { LeadPageFilter } from '../lead.repository';

/**
 * Who may see and do what with a lead: the one place these rules are written. Pure functions of the user, the
 * lead and HQ's settings; the services ask them and throw the errors.
 */

/** Who sees a lead: HQ all; a branch manager their branch; staff their own leads and the public pool. */
export function canSee(user: AuthUser, lead: Pick<LeadEntity, 'branchId' | 'ownerStaffId' | 'pool'>): boolean {
  if (user.role === 'hq_admin') return true;
  if (user.role === 'branch_manager') return user.branchId !== null && lead.branchId === user.branchId;
  return lead.ownerStaffId === user.id || lead.pool === 'public';
}

/**
 * Whose phones a user sees in full: only the leads they own, HQ admins included (the contract's "Phones"); anyone
 * else who needs a number reveals it (`mayReveal`), audited. The list, the detail, the export and search (`q`
 * matches only the digits a user can see) all follow it.
 */
export function fullPhoneScope(user: AuthUser): { ownerStaffId: string } {
  return { ownerStaffId: user.id };
}

/** The full phone for the lead's owner; masked (138****5678) for everyone else. */
export function seesFullPhone(user: AuthUser, lead: Pick<LeadEntity, 'ownerStaffId'>): boolean {
  return lead.ownerStaffId === fullPhoneScope(user).ownerStaffId;
}

/** Who may reveal a lead's full phone (with a reason, audited): HQ any lead, a branch manager one in their branch. */
export function mayReveal(user: AuthUser, lead: Pick<LeadEntity, 'branchId' | 'ownerStaffId' | 'pool'>): boolean {
  return (user.role === 'hq_admin' || user.role === 'branch_manager') && canSee(user, lead);
}

/** Whether `staffId`, who lost this public lead to the pool moments ago, is still blocked from taking it back. */
export function reclaimBlocked(lead: Pick<LeadEntity, 'releasedByStaffId' | 'releasedAt'>, staffId: string, settings: PoolSettings, now: Date): boolean {
  return reclaimBlockedUntil(lead, staffId, settings, now) !== null;
}

/** Until when `staffId` may not take this lead back (null: they may now). */
export function reclaimBlockedUntil(lead: Pick<LeadEntity, 'releasedByStaffId' | 'releasedAt'>, staffId: string, settings: PoolSettings, now: Date): Date | null {
  if (lead.releasedByStaffId !== staffId || lead.releasedAt === null) return null;
  const until = new Date(lead.releasedAt.getTime() + settings.reclaimBlockDays * DAY_MS);
  return until.getTime() > now.getTime() ? until : null;
}

/** Which branch's collisions a user sees: every branch (null), their own, or none ('none') for staff. */
export function collisionScope(user: AuthUser): string | null | 'none' {
  if (user.role === 'hq_admin') return null;
  return user.role === 'branch_manager' && user.branchId ? user.branchId : 'none';
}

/**
 * The caller's scope laid over the requested list filters (the cursor aside); null when they cannot match anything. Staff see their
 * own leads, and the whole public pool when they ask for it (to claim from it); a branch manager their branch.
 */
export function listScope(user: AuthUser, query: LeadFilter): LeadPageFilter | null {
  const filter: LeadPageFilter = {};
  if (query.status) filter.status = query.status;
  if (query.pool) filter.pool = query.pool;
  if (query.q) {
    // A complete number, in any notation, finds its lead for anyone in scope: they already know it.
    const phone = normalizePhone(query.q);
    if (phone) filter.phone = phone;
    else filter.q = query.q;
    filter.maskedFor = fullPhoneScope(user).ownerStaffId;
  }
  if (query.ownerStaffId) filter.ownerStaffId = query.ownerStaffId;
  if (query.branchId) filter.branchId = query.branchId;
  if (query.from) filter.minId = idFloor(new Date(query.from));
  if (query.to) filter.maxIdExclusive = idFloor(new Date(Date.parse(query.to) + 1));
  if (query.contentId) filter.contentId = query.contentId;
  if (query.channel) filter.channel = query.channel;
  if (query.tagId) filter.tagId = query.tagId;
  if (query.touchFrom) filter.touchFrom = new Date(query.touchFrom);
  if (query.touchTo) filter.touchTo = new Date(query.touchTo);
  if (user.role === 'staff') {
    if (query.pool === 'public') return query.ownerStaffId ? null : filter;
    if (query.ownerStaffId && query.ownerStaffId !== user.id) return null;
    filter.ownerStaffId = user.id;
  } else if (user.role === 'branch_manager') {
    if (query.branchId && query.branchId !== user.branchId) return null;
    if (!user.branchId) return null;
    filter.branchId = user.branchId;
  }
  return filter;
}
