import { z } from 'zod';
import { LEAD_STATUSES, type LeadStatus } from './enums';
import { followUpAtSchema } from './date.schema';
import { idSchema } from './org.schema';

/** HQ's attribution and pool rules. */
export const poolSettingsSchema = z
  .object({
    /** 保护期: days a lead stays with its owner even when another staff member's share reaches it; renewed by a follow-up. */
    protectionDays: z.number().int().min(1).max(365),
    /** A private lead with no follow-up for this many days returns to the public pool. */
    recycleDays: z.number().int().min(1).max(365),
    /** The owner is warned this many days before the lead returns to the public pool (0: no warning). */
    recycleWarnDays: z.number().int().min(0).max(30),
    /** Public-pool claims per staff member per day (China time). */
    claimDailyCap: z.number().int().min(1).max(1000),
    /** Most private leads (not converted or lost) a staff member may hold when claiming. */
    claimHoldCap: z.number().int().min(1).max(100000),
    /** Days the previous owner of a recycled or released lead cannot claim it back. */
    reclaimBlockDays: z.number().int().min(0).max(365),
  })
  .refine((s) => s.recycleWarnDays < s.recycleDays, { message: '提醒天数必须小于回收天数', path: ['recycleWarnDays'] });
export type PoolSettings = z.infer<typeof poolSettingsSchema>;

export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  protectionDays: 30,
  recycleDays: 7,
  recycleWarnDays: 2,
  claimDailyCap: 20,
  claimHoldCap: 200,
  reclaimBlockDays: 7,
};

/** Why a lead has its owner: every change of owner names one. */
export const OWNERSHIP_RULES = [
  'first_touch',
  'public_touch',
  'protection_expired_touch',
  'claimed',
  'assigned',
  'recycled',
  'released',
  'handover',
] as const;
export type OwnershipRule = (typeof OWNERSHIP_RULES)[number];

export const FOLLOW_UP_METHODS = ['phone', 'wechat', 'visit', 'other'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

export const POOL_LABELS = {
  ownershipRule: {
    first_touch: '首次触达',
    public_touch: '公海线索被其分享触达',
    protection_expired_touch: '保护期已过，被其分享触达',
    claimed: '从公海领取',
    assigned: '分配',
    recycled: '超时未跟进，回收到公海',
    released: '主动放回公海',
    handover: '员工停用，线索移交',
  } satisfies Record<OwnershipRule, string>,
  followUpMethod: { phone: '电话', wechat: '微信', visit: '上门', other: '其他' } satisfies Record<FollowUpMethod, string>,
} as const;

/** Allowed status changes; converted is final (the lead became a member). */
export const LEAD_STATUS_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['contacted', 'qualified', 'lost'],
  contacted: ['qualified', 'converted', 'lost'],
  qualified: ['contacted', 'converted', 'lost'],
  converted: [],
  lost: ['contacted'],
};

export const changeLeadStatusRequestSchema = z.object({
  status: z.enum(LEAD_STATUSES, { error: '状态不正确' }),
  reason: z.string().trim().max(200).optional(),
});
export type ChangeLeadStatusRequest = z.infer<typeof changeLeadStatusRequestSchema>;

export const createFollowUpRequestSchema = z.object({
  method: z.enum(FOLLOW_UP_METHODS, { error: '请选择跟进方式' }),
  note: z.string({ error: '请填写跟进记录' }).trim().min(1, { message: '请填写跟进记录' }).max(1000, { message: '跟进记录最多 1000 字' }),
  nextAt: followUpAtSchema.optional(),
});
export type CreateFollowUpRequest = z.infer<typeof createFollowUpRequestSchema>;

export const followUpSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  staffId: z.string(),
  staffName: z.string().nullable(),
  method: z.enum(FOLLOW_UP_METHODS),
  note: z.string(),
  nextAt: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

/** Assign or reassign (branch managers within their branch, HQ anywhere); `staffId: null` sends it to the public pool. */
export const assignLeadRequestSchema = z.object({
  staffId: idSchema.nullable(),
  reason: z.string({ error: '请填写原因' }).trim().min(1, { message: '请填写原因' }).max(200, { message: '原因最多 200 字' }),
});
export type AssignLeadRequest = z.infer<typeof assignLeadRequestSchema>;

export const releaseLeadRequestSchema = z.object({
  reason: z.string().trim().min(1, { message: '请填写原因' }).max(200),
});
export type ReleaseLeadRequest = z.infer<typeof releaseLeadRequestSchema>;

export const collisionSchema = z.object({
  id: z.string(),
  at: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  ownerStaffId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** The staff member whose share touched the protected lead. */
  staffId: z.string(),
  staffName: z.string().nullable(),
  shareCode: z.string().nullable(),
  contentTitle: z.string().nullable(),
});
export type Collision = z.infer<typeof collisionSchema>;

export const collisionListResponseSchema = z.object({ items: z.array(collisionSchema), nextCursor: z.string().nullable() });
export type CollisionListResponse = z.infer<typeof collisionListResponseSchema>;

export const cursorQuerySchema = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type CursorQuery = z.infer<typeof cursorQuerySchema>;

export const recycleRunResultSchema = z.object({ recycled: z.number().int(), warned: z.number().int() });
export type RecycleRunResult = z.infer<typeof recycleRunResultSchema>;



export const memberSchema = z.object({ id: z.string(), leadId: z.string(), convertedBy: z.string(), createdAt: z.string() });
export type Member = z.infer<typeof memberSchema>;

