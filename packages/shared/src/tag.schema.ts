import { z } from 'zod';
import { leadTagRefSchema } from './lead-query.schema';

/**
 * Tags on leads (标签), one model for both apps: a tag has an id and a unique name; HQ defines a few for everyone
 * (`hq: true`, in HQ's order), and staff add free ones by typing a name on their own lead. Leads carry tag refs
 * (`{ id, name }`); `GET /api/leads?tagId=` filters by one.
 */
export const tagNameSchema = z
  .string({ error: '请输入标签' })
  .trim()
  .min(1, { message: '请输入标签' })
  .max(12, { message: '标签最多 12 个字' })
  .refine((v) => !/[,，<>"']/.test(v), { message: '标签不能含逗号或引号' });

/** At most this many tags on one lead. */
export const MAX_LEAD_TAGS = 10;
/** At most this many HQ tags. */
export const MAX_HQ_TAGS = 30;

export const leadTagSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Defined by HQ for everyone (else a free tag someone typed). */
  hq: z.boolean(),
  /** Leads in the caller's scope that carry it. */
  leadCount: z.number().int().min(0),
});
export type LeadTag = z.infer<typeof leadTagSchema>;

/**
 * `GET /api/tags` → the tags the caller can pick from and filter by: HQ's, in HQ's order, then the free tags on
 * leads in the caller's scope, most used first (at most 30).
 */
export const leadTagListResponseSchema = z.object({ items: z.array(leadTagSchema) });
export type LeadTagListResponse = z.infer<typeof leadTagListResponseSchema>;

/** `PUT /api/leads/:id/tags` (the lead's owner) by names (a new name makes a free tag) → 200 {@link leadTagsSchema}; duplicates are dropped. */
export const setLeadTagsRequestSchema = z.object({
  tags: z.array(tagNameSchema).max(MAX_LEAD_TAGS, { message: `最多 ${MAX_LEAD_TAGS} 个标签` }),
});
export type SetLeadTagsRequest = z.infer<typeof setLeadTagsRequestSchema>;

export const leadTagsSchema = z.object({ tags: z.array(leadTagRefSchema) });
export type LeadTags = z.infer<typeof leadTagsSchema>;

/** `PUT /api/tags/hq` (hq_admin) → 200 {@link leadTagListResponseSchema}: HQ's tag list, replaced whole (a dropped one stays on its leads as a free tag). */
export const setHqTagsRequestSchema = z.object({ tags: z.array(tagNameSchema).max(MAX_HQ_TAGS, { message: `最多 ${MAX_HQ_TAGS} 个标签` }) });
export type SetHqTagsRequest = z.infer<typeof setHqTagsRequestSchema>;
