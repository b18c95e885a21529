import { z } from 'zod';
import { SHARE_CHANNELS } from './enums';

/** `POST /api/shares { card: true, channel }` (no contentId) → 201 `{ code, url }`: a share of the caller's own card. */
export const createCardShareRequestSchema = z.object({
  card: z.literal(true),
  channel: z.enum(SHARE_CHANNELS, { error: '分享渠道不正确' }),
});
export type CreateCardShareRequest = z.infer<typeof createCardShareRequestSchema>;

/** `POST /api/uploads` (multipart, one image file) → 201 `{ url, width, height }` (see media.ts for the URL's form). */
export const uploadResultSchema = z.object({
  url: z.string(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type UploadResult = z.infer<typeof uploadResultSchema>;
