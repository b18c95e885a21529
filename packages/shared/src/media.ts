/**
 * Uploaded images are stored once per width and format, under one id:
 *   /media/<id>/<width>.<format>   e.g. /media/01JD…/640.webp
 * `POST /api/uploads` answers `{ url, width, height }` with the largest stored JPEG; pages build `srcset`
 * from it with these helpers instead of asking the server which variants exist.
 */
export const MEDIA_WIDTHS = [320, 640, 960, 1280] as const;
export const MEDIA_FORMATS = ['avif', 'webp', 'jpg'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

const MEDIA_URL = /^\/media\/([0-9A-Za-z]{10,40})\/(\d{1,4})\.(avif|webp|jpg)$/;

/** The widths stored for an image whose largest stored width is `width`. */
export function mediaWidths(width: number): number[] {
  const smaller = MEDIA_WIDTHS.filter((w) => w < width);
  return [...smaller, width];
}

/** Parses a media URL made by the upload route; null for any other URL (an external image). */
export function parseMediaUrl(url: string): { id: string; width: number; format: MediaFormat } | null {
  const m = MEDIA_URL.exec(url);
  return m ? { id: m[1], width: Number(m[2]), format: m[3] as MediaFormat } : null;
}

export function mediaUrl(id: string, width: number, format: MediaFormat): string {
  return `/media/${id}/${width}.${format}`;
}

/** `srcset` for one format of an uploaded image (null for an external URL). */
export function mediaSrcset(url: string, format: MediaFormat): string | null {
  const parsed = parseMediaUrl(url);
  if (!parsed) return null;
  return mediaWidths(parsed.width)
    .map((w) => `${mediaUrl(parsed.id, w, format)} ${w}w`)
    .join(', ');
}
