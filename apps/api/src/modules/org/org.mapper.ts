import type { Branch, Staff } from '@fenji/shared';
import type { BranchEntity } from './branch.entity';
import type { StaffEntity } from './staff.entity';

export function toBranch(b: BranchEntity): Branch {
  return { id: b.id, name: b.name, createdAt: b.createdAt.toISOString() };
}

/** `withInvite`: the caller may manage this row, so may hand its invite code over; everyone else gets null. */
export function toStaff(s: StaffEntity, withInvite: boolean): Staff {
  return {
    id: s.id,
    name: s.name,
    phone: s.phone,
    role: s.role,
    branchId: s.branchId,
    status: s.status,
    activated: s.passwordHash !== null || s.wechatOpenid !== null,
    wechatBound: s.wechatOpenid !== null,
    inviteCode: withInvite ? s.inviteCode : null,
    createdAt: s.createdAt.toISOString(),
  };
}
