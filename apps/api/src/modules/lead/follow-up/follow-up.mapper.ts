import type { FollowUp } from '@fenji/shared';
import { isoOrNull, type Names } from '../lead.mapper';
import type { FollowUpEntity } from './follow-up.entity';

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
