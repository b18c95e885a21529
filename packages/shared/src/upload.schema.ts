import { z } from 'zod';

/**
 * `POST /api/uploads` (contract): multipart/form-data with one part named `file`; hq_admin, or any staff member
 * for their own card photo. The type is checked by the file's content (not its name); larger than
 * UPLOAD_MAX_BYTES → 413 PAYLOAD_TOO_LARGE; not an image → 415 UNSUPPORTED_MEDIA_TYPE. Stored resized into
 * MEDIA_WIDTHS × MEDIA_FORMATS (see media.ts).
 */
export const UPLOAD_FIELD = 'file';
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const UPLOAD_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;

/** 201: the largest stored JPEG and its size in pixels. */
export const uploadResponseSchema = z.object({
  url: z.string(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});
export type UploadResponse = z.infer<typeof uploadResponseSchema>;
