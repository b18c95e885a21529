import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';

/** Whose rows a reader sees: one staff member's, one branch's, or everyone's (HQ). */
export type StatScope = { staffId: string } | { branchId: string } | 'all';

/** The first WHERE of an analytics query: its `staff_id` / `branch_id` scope. */
export function whereInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: StatScope): SelectQueryBuilder<T> {
  if (scope === 'all') return qb.where('1 = 1');
  if ('staffId' in scope) return qb.where(`${alias}.staff_id = :scopeStaffId`, { scopeStaffId: scope.staffId });
  return qb.where(`${alias}.branch_id = :scopeBranchId`, { scopeBranchId: scope.branchId });
}

/** Whose visitors and numbers a user sees: staff their own shares', a branch manager their branch's, HQ all. */
export function scopeOf(user: AuthUser): StatScope | null {
  if (user.role === 'hq_admin') return 'all';
  if (user.role === 'branch_manager') return user.branchId ? { branchId: user.branchId } : null;
  return { staffId: user.id };
}
