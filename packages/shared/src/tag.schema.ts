import { z } from 'zod';

/**
 * Tags on leads: a few that HQ defines for everyone, plus free ones a staff member types. A lead's tags are names;
 * `GET /api/leads?tag=<name>` filters by one.
 */
export const tagNameSchema = z
  .string({ error: '请输入标签' })
  .trim()
  .min(1, { message: '请输入标签' })
  .max(12, { message: '标签最多 12 个字' })
  .refine((v) => !/[,，<>"']/.test(v), { message: '标签不能含逗号或引号' });

/** At most this many tags on one lead. */
export const MAX_LEAD_TAGS = 10;

/** `GET /api/tags` → the tags the caller can pick from. */
export const tagOptionsSchema = z.object({
  /** Defined by HQ, in HQ's order. */
  hq: z.array(z.string()),
  /** Free tags the caller has put on their own leads, most used first (at most 30). */
  mine: z.array(z.string()),
});
export type TagOptions = z.infer<typeof tagOptionsSchema>;

/** `PUT /api/leads/:id/tags` (the lead's owner) → 200 {@link leadTagsSchema}; duplicates are dropped. */
export const setLeadTagsRequestSchema = z.object({
  tags: z.array(tagNameSchema).max(MAX_LEAD_TAGS, { message: `最多 ${MAX_LEAD_TAGS} 个标签` }),
});
export type SetLeadTagsRequest = z.infer<typeof setLeadTagsRequestSchema>;

export const leadTagsSchema = z.object({ tags: z.array(z.string()) });
export type LeadTags = z.infer<typeof leadTagsSchema>;

/** `PUT /api/tags/hq` (hq_admin) → 200 {@link tagOptionsSchema}: HQ's tag list, replaced whole. */
export const setHqTagsRequestSchema = z.object({ tags: z.array(tagNameSchema).max(30, { message: '最多 30 个标签' }) });
export type SetHqTagsRequest = z.infer<typeof setHqTagsRequestSchema>;
