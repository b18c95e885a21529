import { z } from 'zod';
import { CONTENT_KINDS, type ContentKind } from './enums';
import { CONTENT_STATUSES, EXTRA_FORM_FIELDS, contentBlocksSchema, ctaTextSchema } from './content-block.schema';
import { contentSchema, createContentRequestSchema } from './content.schema';
import { listTotalSchema } from './lead-query.schema';
import { idSchema } from './org.schema';
import { contentStatsSchema } from './stats.schema';

/**
 * HQ's content library: the block editor's document, categories, statuses, per-content numbers, and the preview
 * (the real landing render of an unsaved draft).
 */

/** The kinds HQ creates now (a business card is each staff member's own, not a content). */
export const EDITABLE_CONTENT_KINDS = ['product', 'article', 'event'] as const satisfies readonly ContentKind[];

const coverUrlSchema = z
  .string()
  .max(500)
  .refine((v) => /^https:\/\/[^\s"'<>]+$/.test(v) || /^\/media\/[^\s"'<>]+$/.test(v), { message: '封面必须是上传的图片或 https:// 链接' });

/**
 * The editor's document. `POST /api/contents` and `PATCH /api/contents/:id` accept it (a superset of the
 * contract's create request: `body` stays, as the plain text of the text blocks, for old clients and search).
 */
export const contentDraftSchema = createContentRequestSchema.extend({
  kind: z.enum(EDITABLE_CONTENT_KINDS, { error: '请选择内容类型' }),
  coverUrl: coverUrlSchema.nullable().optional(),
  categoryId: idSchema.nullable().optional(),
  blocks: contentBlocksSchema.optional(),
  /** The lead form's button (a CTA_PRESET or HQ's own 2–8 characters). */
  ctaText: ctaTextSchema.optional(),
  /** Asked besides name and phone (which are always asked). */
  formFields: z.array(z.enum(EXTRA_FORM_FIELDS)).max(EXTRA_FORM_FIELDS.length).optional(),
});
export type ContentDraft = z.infer<typeof contentDraftSchema>;

export const updateContentDraftSchema = contentDraftSchema.partial();
export type UpdateContentDraft = z.infer<typeof updateContentDraftSchema>;

/** `GET /api/contents/:id` for HQ: the contract's content plus the editor's document and status. */
export const contentAdminSchema = contentSchema.extend({
  status: z.enum(CONTENT_STATUSES).optional(),
  categoryId: z.string().nullable().optional(),
  categoryName: z.string().nullable().optional(),
  blocks: contentBlocksSchema.optional(),
  ctaText: z.string().optional(),
  formFields: z.array(z.enum(EXTRA_FORM_FIELDS)).optional(),
  /** When it was taken offline (已下架). */
  offlineAt: z.string().nullable().optional(),
});
export type ContentAdmin = z.infer<typeof contentAdminSchema>;

/** `POST /api/contents/:id/status` (hq_admin): 发布 or 下架 (existing links then show the sharer's card). */
export const contentStatusRequestSchema = z.object({ status: z.enum(['published', 'offline'] as const) });
export type ContentStatusRequest = z.infer<typeof contentStatusRequestSchema>;

export const CONTENT_LIST_SORTS = ['updated_desc', 'published_desc', 'leads_desc', 'views_desc'] as const;
export type ContentListSort = (typeof CONTENT_LIST_SORTS)[number];

/** `GET /api/contents/admin` (hq_admin): every content of every status, filtered and keyset-paged. */
export const contentAdminListQuerySchema = z.object({
  status: z.enum(CONTENT_STATUSES).optional(),
  kind: z.enum(CONTENT_KINDS).optional(),
  categoryId: idSchema.optional(),
  /** Title or summary words. */
  q: z.string().trim().min(1).max(40).optional(),
  sort: z.enum(CONTENT_LIST_SORTS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ContentAdminListQuery = z.infer<typeof contentAdminListQuerySchema>;

export const contentAdminListItemSchema = z.object({
  id: z.string(),
  kind: z.enum(CONTENT_KINDS),
  title: z.string(),
  summary: z.string(),
  coverUrl: z.string().nullable(),
  status: z.enum(CONTENT_STATUSES),
  categoryId: z.string().nullable(),
  categoryName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** All-time numbers (shares, views, leads, conversion). */
  stats: contentStatsSchema,
});
export type ContentAdminListItem = z.infer<typeof contentAdminListItemSchema>;

export const contentAdminListResponseSchema = z.object({
  items: z.array(contentAdminListItemSchema),
  nextCursor: z.string().nullable(),
  total: listTotalSchema.optional(),
});
export type ContentAdminListResponse = z.infer<typeof contentAdminListResponseSchema>;

/** 分类: `GET /api/content-categories` → { items }; POST { name } → 201; PATCH /:id { name }; DELETE /:id (its contents become uncategorised). */
export const contentCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  contentCount: z.number().int().min(0),
});
export type ContentCategory = z.infer<typeof contentCategorySchema>;

export const contentCategoryListResponseSchema = z.object({ items: z.array(contentCategorySchema) });
export type ContentCategoryListResponse = z.infer<typeof contentCategoryListResponseSchema>;

export const saveContentCategoryRequestSchema = z.object({
  name: z.string({ error: '请输入分类名' }).trim().min(1, { message: '请输入分类名' }).max(20, { message: '分类名最多 20 字' }),
});
export type SaveContentCategoryRequest = z.infer<typeof saveContentCategoryRequestSchema>;

/**
 * `POST /api/contents/preview` (hq_admin) with an unsaved draft → the landing page's HTML exactly as customers
 * would get it, rendered by the server with a sample sharer ("示例员工"), without the tracking script and with
 * the form inert. The console shows it in a sandboxed iframe, 390 px wide.
 */
export const contentPreviewRequestSchema = contentDraftSchema.extend({
  /** Whose card to show as the sharer; default a sample. */
  asStaffId: idSchema.optional(),
});
export type ContentPreviewRequest = z.infer<typeof contentPreviewRequestSchema>;

export const contentPreviewResponseSchema = z.object({ html: z.string() });
export type ContentPreviewResponse = z.infer<typeof contentPreviewResponseSchema>;
