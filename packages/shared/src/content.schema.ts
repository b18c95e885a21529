import { z } from 'zod';
import { CONTENT_KINDS } from './enums';

const httpUrl = z
  .string()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s"'<>]+$/.test(v) || /^\/[^\s"'<>]*$/.test(v), { message: '链接必须以 http(s):// 或 / 开头' });

export const createContentRequestSchema = z.object({
  kind: z.enum(CONTENT_KINDS, { error: '内容类型不正确' }),
  title: z.string({ error: '请输入标题' }).trim().min(1, { message: '请输入标题' }).max(100, { message: '标题最多 100 字' }),
  summary: z.string().trim().max(300, { message: '摘要最多 300 字' }).optional(),
  body: z.string().max(20000, { message: '正文最多 20000 字' }).optional(),
  coverUrl: httpUrl.nullable().optional(),
  published: z.boolean().optional(),
});
export type CreateContentRequest = z.infer<typeof createContentRequestSchema>;

export const updateContentRequestSchema = createContentRequestSchema.partial();
export type UpdateContentRequest = z.infer<typeof updateContentRequestSchema>;

export const contentSchema = z.object({
  id: z.string(),
  kind: z.enum(CONTENT_KINDS),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  coverUrl: z.string().nullable(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Content = z.infer<typeof contentSchema>;

export const contentListQuerySchema = z.object({
  /** HQ only: include drafts. */
  all: z.enum(['0', '1']).optional(),
});
export type ContentListQuery = z.infer<typeof contentListQuerySchema>;
