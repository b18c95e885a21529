import { z } from 'zod';
import { SHARE_CHANNELS } from './enums';
import { idSchema } from './org.schema';

/** Share codes: base62, 8–32 chars, so a code always fits a mini-program code's `scene` (≤ 32). */
export const shareCodeSchema = z.string().regex(/^[0-9A-Za-z]{8,32}$/, { message: '分享码不正确' });

export const createShareRequestSchema = z.object({
  contentId: idSchema,
  channel: z.enum(SHARE_CHANNELS, { error: '分享渠道不正确' }),
});
export type CreateShareRequest = z.infer<typeof createShareRequestSchema>;

export const shareSchema = z.object({ code: z.string(), url: z.string() });
export type Share = z.infer<typeof shareSchema>;

export const visitorIdSchema = z.string().regex(/^[0-9A-Za-z_-]{16,40}$/, { message: '访客 id 不正确' });

export const reshareRequestSchema = z.object({ visitorId: visitorIdSchema.optional() });
export type ReshareRequest = z.infer<typeof reshareRequestSchema>;
