import { z } from 'zod';
import { leadDetailSchema } from './lead.schema';
import { wechatIdSchema } from './card.schema';
import { leadItemExtrasSchema } from './lead-query.schema';

/**
 * The staff app's lead detail: the contract's detail plus the same extras as every list item (lead-query.schema.ts).
 * The list query and item are the one `GET /api/leads` shape: `leadPageQuerySchema`, `leadPageItemSchema`.
 */
export const leadCareDetailSchema = leadDetailSchema.extend(leadItemExtrasSchema.shape);
export type LeadCareDetail = z.infer<typeof leadCareDetailSchema>;

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
