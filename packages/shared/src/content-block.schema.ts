import { z } from 'zod';

/**
 * A content page (product, article, event) is a list of blocks that HQ arranges in the console's editor and
 * the landing page renders in order. Text is plain text (never HTML): every non-empty line is a paragraph.
 */
const imageUrl = z
  .string()
  .max(500)
  .refine((v) => /^https:\/\/[^\s"'<>]+$/.test(v) || /^\/media\/[^\s"'<>]+$/.test(v), { message: '图片地址必须是上传的图片或 https:// 链接' });

export const textBlockSchema = z.object({
  type: z.literal('text'),
  text: z.string().trim().min(1, { message: '请输入文字' }).max(5000, { message: '一段文字最多 5000 字' }),
});

export const imageBlockSchema = z.object({
  type: z.literal('image'),
  url: imageUrl,
  width: z.number().int().min(1).max(10000),
  height: z.number().int().min(1).max(10000),
  /** Read by screen readers; empty for a decorative image. */
  alt: z.string().trim().max(100).default(''),
});

export const videoBlockSchema = z.object({
  type: z.literal('video'),
  /** A link to a video page (视频号, Tencent Video…); shown as a tappable card, never embedded. */
  url: z.string().max(500).refine((v) => /^https:\/\/[^\s"'<>]+$/.test(v), { message: '视频链接必须以 https:// 开头' }),
  title: z.string().trim().min(1, { message: '请输入视频标题' }).max(60),
});

export const factsBlockSchema = z.object({
  type: z.literal('facts'),
  /** Product facts: 价格 ¥2,980 · 产地 杭州 … */
  items: z
    .array(z.object({ label: z.string().trim().min(1).max(20), value: z.string().trim().min(1).max(100) }))
    .min(1, { message: '至少一项' })
    .max(20),
});

export const ctaBlockSchema = z.object({
  type: z.literal('cta'),
  /** A sentence above the button that jumps to the lead form. */
  text: z.string().trim().max(100).default(''),
});

export const contentBlockSchema = z.discriminatedUnion('type', [textBlockSchema, imageBlockSchema, videoBlockSchema, factsBlockSchema, ctaBlockSchema]);
export type ContentBlock = z.infer<typeof contentBlockSchema>;
export type ContentBlockType = ContentBlock['type'];

export const contentBlocksSchema = z.array(contentBlockSchema).max(60, { message: '最多 60 个模块' });

export const BLOCK_LABELS: Record<ContentBlockType, string> = {
  text: '文字',
  image: '图片',
  video: '视频链接',
  facts: '产品参数',
  cta: '行动按钮',
};

/** The lead form's button, in the content's words. HQ picks one per content (or writes its own, ≤ 8 chars). */
export const CTA_PRESETS = ['预约体验', '免费咨询', '立即报名', '获取报价', '领取资料', '预约到店'] as const;
export const ctaTextSchema = z.string().trim().min(2, { message: '按钮文字至少 2 个字' }).max(8, { message: '按钮文字最多 8 个字' });

/** Fields the lead form may ask for besides name and phone (which it always asks for). */
export const EXTRA_FORM_FIELDS = ['message', 'company', 'city', 'preferred_time'] as const;
export type ExtraFormField = (typeof EXTRA_FORM_FIELDS)[number];
export const EXTRA_FORM_FIELD_LABELS: Record<ExtraFormField, string> = {
  message: '留言',
  company: '公司',
  city: '所在城市',
  preferred_time: '方便联系的时间',
};

/** Content lifecycle: 草稿 → 已发布 → 已下架 (links then show a friendly page with the sharer's card). */
export const CONTENT_STATUSES = ['draft', 'published', 'offline'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];
export const CONTENT_STATUS_LABELS: Record<ContentStatus, string> = { draft: '草稿', published: '已发布', offline: '已下架' };
