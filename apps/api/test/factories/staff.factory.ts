import type { AuthUser } from '../../src/core/auth/auth-user';
import type { StaffEntity } from '../../src/modules/org/staff.entity';

/** Signed-in users of each role. */
export const userFactory = {
  staff: (id = 'staff-owner', branchId = 'branch-a'): AuthUser => ({ id, name: `员工${id}`, role: 'staff', branchId }),
  manager: (branchId: string | null = 'branch-a', id = 'manager-a'): AuthUser => ({ id, name: '店长', role: 'branch_manager', branchId }),
  hq: (id = 'hq-admin'): AuthUser => ({ id, name: '总部', role: 'hq_admin', branchId: null }),
};

/** A staff member's row: active, in `branch-a`. */
export function staffFactory(overrides: Partial<StaffEntity> = {}): StaffEntity {
  const at = new Date('2026-01-01T00:00:00.000Z');
  return {
    id: 'staff-owner',
    name: '李娜',
    phone: '13800000003',
    role: 'staff',
    branchId: 'branch-a',
    status: 'active',
    passwordHash: null,
    inviteCode: null,
    wechatOpenid: null,
    tokenVersion: 0,
    successorStaffId: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}
