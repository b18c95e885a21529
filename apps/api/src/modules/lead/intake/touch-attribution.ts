import type { PoolSettings } from '@fenji/shared';
import { reclaimBlocked } from '../access/lead-access.policy';
import type { LeadEntity } from '../lead.entity';

/**
 * What a touch on an existing lead does, by the contract's rules, before anything is written:
 * - `kept`: recorded, nothing moves (a disabled member's link without an heir; the previous owner of a public
 *   lead within the reclaim block; a converted lead past its protection stays with whoever converted it);
 * - `same`: the owner's own share;
 * - `collision`: another staff member's share inside the protection period (撞单): owner unchanged;
 * - `take_from_pool`: a public-pool lead goes to the share's receiver, within their claim caps (public_touch);
 * - `transfer`: the protection period is over: the lead moves to the receiver (protection_expired_touch).
 */
export type TouchAttribution = 'kept' | 'same' | 'collision' | 'take_from_pool' | 'transfer';

export function attributeTouch(
  lead: Pick<LeadEntity, 'ownerStaffId' | 'pool' | 'status' | 'protectedUntil' | 'releasedByStaffId' | 'releasedAt'>,
  receiverId: string | null,
  settings: PoolSettings,
  now: Date,
): TouchAttribution {
  if (!receiverId) return 'kept';
  if (lead.ownerStaffId === receiverId) return 'same';
  if (lead.pool === 'public') return reclaimBlocked(lead, receiverId, settings, now) ? 'kept' : 'take_from_pool';
  if (lead.protectedUntil !== null && lead.protectedUntil > now) return 'collision';
  if (lead.status === 'converted') return 'kept';
  return 'transfer';
}
