import { z } from 'zod';
import { LEAD_STATUSES, SHARE_CHANNELS } from './enums';
import { collisionSchema } from './pool.schema';
import { idSchema } from './org.schema';

/**
 * 撞单 as a work list: every collision is open until someone resolves it — keep the owner, or reassign the lead
 * (by default to the staff member whose share collided). Resolving goes through the assignment rules and is
 * audited with the reason.
 */
export const COLLISION_STATES = ['open', 'kept', 'reassigned'] as const;
export type CollisionState = (typeof COLLISION_STATES)[number];
export const COLLISION_STATE_LABELS = { open: '待处理', kept: '维持原归属', reassigned: '已改派' } satisfies Record<CollisionState, string>;

/** `GET /api/collisions?state&branchId&cursor&limit` (state default: all). */
export const collisionListQuerySchema = z.object({
  state: z.enum(COLLISION_STATES).optional(),
  branchId: idSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type CollisionListQuery = z.infer<typeof collisionListQuerySchema>;

/** A collision as the work list shows it: the contract's item plus its state and context. */
export const collisionViewSchema = collisionSchema.extend({
  state: z.enum(COLLISION_STATES).optional(),
  resolvedAt: z.string().nullable().optional(),
  resolvedByName: z.string().nullable().optional(),
  resolveReason: z.string().nullable().optional(),
  channel: z.enum(SHARE_CHANNELS).nullable().optional(),
  leadStatus: z.enum(LEAD_STATUSES).optional(),
  /** Until then the owner keeps the lead. */
  protectedUntil: z.string().nullable().optional(),
});
export type CollisionView = z.infer<typeof collisionViewSchema>;

export const collisionViewListResponseSchema = z.object({ items: z.array(collisionViewSchema), nextCursor: z.string().nullable() });
export type CollisionViewListResponse = z.infer<typeof collisionViewListResponseSchema>;

/** `POST /api/collisions/:id/resolve` (hq_admin; branch_manager in branch) → CollisionView; 409 COLLISION_RESOLVED. */
export const resolveCollisionRequestSchema = z
  .object({
    action: z.enum(['keep', 'reassign'] as const, { error: '请选择处理方式' }),
    /** reassign: to whom (default: the staff member whose share collided). */
    toStaffId: idSchema.optional(),
    reason: z.string({ error: '请填写原因' }).trim().min(1, { message: '请填写原因' }).max(200, { message: '原因最多 200 字' }),
  })
  .refine((v) => v.action === 'reassign' || v.toStaffId === undefined, { message: '维持原归属时无需选择员工', path: ['toStaffId'] });
export type ResolveCollisionRequest = z.infer<typeof resolveCollisionRequestSchema>;
