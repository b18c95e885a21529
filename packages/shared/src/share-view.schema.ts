import { z } from 'zod';
import { CONTENT_KINDS, SHARE_CHANNELS } from './enums';
import { publicCardSchema } from './card.schema';

/**
 * `GET /api/public/shares/:code` (anyone, no login): what a share shows, as data, for the mini-program's pages opened
 * without a session (Moments' single-page mode from `onShareTimeline`, a poster's mini-program code). Records a view
 * like `GET /s/:code`. Unknown code → 404 SHARE_NOT_FOUND.
 */
export const publicShareViewSchema = z.object({
  code: z.string(),
  /** The share's landing page, `PUBLIC_BASE_URL + /s/ + code`. */
  url: z.string(),
  channel: z.enum(SHARE_CHANNELS),
  /** `content` for a product/article/event, `card` for a staff member's business card. */
  subject: z.enum(['content', 'card']),
  /** The shared content (null for a card share). Body is plain text, paragraphs separated by blank lines. */
  content: z
    .object({
      kind: z.enum(CONTENT_KINDS),
      title: z.string(),
      summary: z.string(),
      body: z.string(),
      coverUrl: z.string().nullable(),
    })
    .nullable(),
  /** The staff member who shared it, as customers see them (only what they chose to show). */
  sharer: publicCardSchema,
});
export type PublicShareView = z.infer<typeof publicShareViewSchema>;
