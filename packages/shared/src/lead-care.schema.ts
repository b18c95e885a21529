import { z } from 'zod';
import { leadDetailSchema, leadListItemSchema, leadListQuerySchema } from './lead.schema';
import { wechatIdSchema } from './card.schema';
import { LEAD_SORTS } from './lead-query.schema';

/**
 * What staff need to act on their leads, beyond the core contract: the next follow-up, tags, heat, WeChat ID,
 * 不再联系, and why a public lead cannot be claimed back yet. All optional on the wire, so older servers still parse;
 * the API returns every one of them on `GET /api/leads` and `GET /api/leads/:id`.
 */
export const leadCareFieldsSchema = z.object({
  /** The customer asked not to be contacted (by themselves or marked by staff): no call, copy or follow-up actions. */
  doNotContact: z.boolean().optional(),
  /** The customer's WeChat ID as staff recorded it; only for the owner (null for everyone else). */
  wechatId: z.string().nullable().optional(),
  /** Tag names, HQ's and free ones, in the order they were added. */
  tags: z.array(z.string()).optional(),
  /** The `nextAt` of the owner's latest follow-up that set one; null when none is planned. */
  nextFollowUpAt: z.string().nullable().optional(),
  /** Heat of the lead's visitor(s), 0–100, and its reason in words (`describeHeat`). */
  heat: z.number().int().min(0).max(100).optional(),
  heatReason: z.string().optional(),
  /**
   * Public-pool leads only, for the caller: until when they may not claim it back (they released it or it was
   * recycled from them); null when they may claim it now.
   */
  reclaimBlockedUntil: z.string().nullable().optional(),
});
export type LeadCareFields = z.infer<typeof leadCareFieldsSchema>;

export const leadCareListItemSchema = leadListItemSchema.extend(leadCareFieldsSchema.shape);
export type LeadCareListItem = z.infer<typeof leadCareListItemSchema>;

export const leadCareListResponseSchema = z.object({
  items: z.array(leadCareListItemSchema),
  nextCursor: z.string().nullable(),
});
export type LeadCareListResponse = z.infer<typeof leadCareListResponseSchema>;

export const leadCareDetailSchema = leadDetailSchema.extend(leadCareFieldsSchema.shape);
export type LeadCareDetail = z.infer<typeof leadCareDetailSchema>;


/** More filters of `GET /api/leads`, beside the contract's. */
export const leadCareQuerySchema = leadListQuerySchema.extend({
  /** Only leads carrying this tag. */
  tag: z.string().trim().min(1).max(12).optional(),
  /**
   * `1`: only private leads whose next follow-up is due by the end of today (China time) or overdue, soonest first
   * (implies `sort=next_follow_up_asc`); leads marked 不再联系, converted or lost are left out.
   */
  due: z.enum(['1']).optional(),
  sort: z.enum(LEAD_SORTS).optional(),
});
export type LeadCareQuery = z.infer<typeof leadCareQuerySchema>;

/** `GET /api/leads/follow-up-summary` → counts of the caller's own due follow-ups (the badge on 客户). */
export const followUpSummarySchema = z.object({
  /** Due before now. */
  overdue: z.number().int().min(0),
  /** Due from now until the end of today (China time). */
  dueToday: z.number().int().min(0),
});
export type FollowUpSummary = z.infer<typeof followUpSummarySchema>;

/**
 * `PATCH /api/leads/:id` (the owner; HQ and the branch manager in scope) → 200 the lead detail. `doNotContact: true`
 * marks 不再联系 for everyone (audited; only hq_admin may set it back to false). `wechatId: null` clears it.
 */
export const updateLeadRequestSchema = z
  .object({
    wechatId: wechatIdSchema.nullable().optional(),
    doNotContact: z.boolean().optional(),
    /** Why 不再联系 was set or cleared (required with doNotContact). */
    reason: z.string().trim().min(1).max(200).optional(),
  })
  .refine((v) => v.doNotContact === undefined || v.reason !== undefined, { message: '请填写原因', path: ['reason'] });
export type UpdateLeadRequest = z.infer<typeof updateLeadRequestSchema>;

/**
 * The staff app's own check of a next follow-up time before it sends one: strictly after `now` and within a year
 * (its picker offers no more). The API's rule for `nextAt` is the looser `followUpAtSchema` (date.schema.ts: a day
 * of tolerance for clock skew, three years ahead), so whatever passes here passes there.
 */
export function nextFollowUpAtSchema(now: Date = new Date()) {
  const max = now.getTime() + 366 * 24 * 3600 * 1000;
  return z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), { message: '下次跟进时间格式不正确' })
    .refine((v) => Date.parse(v) > now.getTime(), { message: '下次跟进时间不能早于现在' })
    .refine((v) => Date.parse(v) <= max, { message: '下次跟进时间请在一年之内' });
}
