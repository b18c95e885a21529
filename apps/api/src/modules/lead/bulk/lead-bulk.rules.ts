import { LEAD_STATUS_TRANSITIONS, type BulkLeadRequest, type LeadBulkSkipCode } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { canSee } from '../access/lead-access.policy';
import type { LeadEntity } from '../lead.entity';

/**
 * Why the single-lead rules would leave this lead out of a bulk action (null: it would change). The dry run
 * answers from it; the real run applies each single-lead action, which decides again under the lead's lock.
 */
export function bulkSkipOf(user: AuthUser, lead: LeadEntity, req: Pick<BulkLeadRequest, 'action' | 'toStaffId' | 'toBranchId' | 'status'>): LeadBulkSkipCode | null {
  if (!canSee(user, lead)) return 'OUT_OF_SCOPE';
  switch (req.action) {
    case 'assign':
      if (req.toStaffId) return lead.pool === 'private' && lead.ownerStaffId === req.toStaffId ? 'ALREADY_OWNED_BY_TARGET' : null;
      return lead.pool === 'public' && lead.branchId === req.toBranchId ? 'ALREADY_PUBLIC' : null;
    case 'release':
      return lead.pool === 'public' ? 'ALREADY_PUBLIC' : null;
    case 'status':
      return req.status && LEAD_STATUS_TRANSITIONS[lead.status].includes(req.status) ? null : 'STATUS_TRANSITION_INVALID';
  }
}
