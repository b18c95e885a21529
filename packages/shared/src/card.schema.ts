import { z } from 'zod';
import { phoneSchema } from './auth.schema';
import { idSchema } from './org.schema';

/**
 * A staff member's own business card (名片). Each staff member edits only theirs (`GET/PUT /api/me/card`);
 * its landing page always shows the staff member who shared it.
 */
const avatarUrl = z
  .string()
  .max(500)
  .refine((v) => /^\/media\/[^\s"'<>]+$/.test(v) || /^https:\/\/[^\s"'<>]+$/.test(v), { message: '头像必须是上传的图片' });

/** WeChat IDs: 6–20 chars, a letter first, then letters, digits, - or _. */
export const wechatIdSchema = z.string().trim().regex(/^[A-Za-z][-_A-Za-z0-9]{5,19}$/, { message: '微信号为 6–20 位，字母开头' });

export const cardSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  branchName: z.string().nullable(),
  title: z.string(),
  /** The phone customers may call (the login phone unless changed); shown to customers only with showPhone. */
  phone: z.string().nullable(),
  showPhone: z.boolean(),
  wechatId: z.string().nullable(),
  showWechatId: z.boolean(),
  intro: z.string(),
  avatarUrl: z.string().nullable(),
  featuredContentIds: z.array(z.string()),
  updatedAt: z.string().nullable(),
});
export type Card = z.infer<typeof cardSchema>;

export const updateCardRequestSchema = z.object({
  title: z.string().trim().max(30, { message: '职位最多 30 字' }).optional(),
  phone: phoneSchema.nullable().optional(),
  showPhone: z.boolean().optional(),
  wechatId: wechatIdSchema.nullable().optional(),
  showWechatId: z.boolean().optional(),
  intro: z.string().trim().max(300, { message: '简介最多 300 字' }).optional(),
  avatarUrl: avatarUrl.nullable().optional(),
  featuredContentIds: z.array(idSchema).max(6, { message: '最多推荐 6 篇内容' }).optional(),
});
export type UpdateCardRequest = z.infer<typeof updateCardRequestSchema>;

/** What a customer sees of the sharer: only what the staff member chose to show. */
export const publicCardSchema = z.object({
  name: z.string(),
  title: z.string(),
  branchName: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  intro: z.string(),
  phone: z.string().nullable(),
  wechatId: z.string().nullable(),
});
export type PublicCard = z.infer<typeof publicCardSchema>;

/** HQ's brand as customers see it on landing pages (defaults in BRAND). */
export const brandSettingsSchema = z.object({
  name: z.string({ error: '请输入品牌名称' }).trim().min(1, { message: '请输入品牌名称' }).max(30, { message: '品牌名称最多 30 字' }),
  logoUrl: avatarUrl.nullable(),
  colorPrimary: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: '颜色格式为 #RRGGBB' }),
});
export type BrandSettings = z.infer<typeof brandSettingsSchema>;
