import { maskPhone, type LeadListItem } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import type { LeadEntity } from './lead.entity';

export type Names = Map<string, string>;

/** The full phone for the lead's owner and HQ admins; masked (138****5678) for everyone else. */
export function seesFullPhone(user: AuthUser, lead: LeadEntity): boolean {
  return user.role === 'hq_admin' || lead.ownerStaffId === user.id;
}

export function toLeadListItem(lead: LeadEntity, user: AuthUser, names: Names): LeadListItem {
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
  };
}
