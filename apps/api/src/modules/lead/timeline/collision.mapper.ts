import type { CollisionListResponse } from '@fenji/shared';
import type { ShareEntity } from '../../share/share.entity';
import type { TouchEntity } from '../intake/touch.entity';
import type { LeadEntity } from '../lead.entity';
import type { Names } from '../lead.mapper';

export type Collision = CollisionListResponse['items'][number];

/** One collision (a touch on another staff member's protected lead) as HQ's list shows it. */
export function toCollision(touch: TouchEntity, lead: LeadEntity | undefined, share: ShareEntity | undefined, contentTitles: Map<string, string>, names: Names): Collision {
  return {
    id: touch.id,
    at: touch.createdAt.toISOString(),
    leadId: touch.leadId,
    leadName: lead?.name ?? '',
    ownerStaffId: lead?.ownerStaffId ?? null,
    ownerName: lead?.ownerStaffId ? (names.get(lead.ownerStaffId) ?? null) : null,
    staffId: touch.staffId,
    staffName: names.get(touch.staffId) ?? null,
    shareCode: share?.code ?? null,
    contentTitle: share ? (contentTitles.get(share.contentId ?? '') ?? null) : null,
  };
}
