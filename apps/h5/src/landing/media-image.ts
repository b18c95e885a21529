import { mediaSrcset, mediaUrl, mediaWidths, parseMediaUrl } from '@fenji/shared';
import { html, safeUrl, type SafeHtml } from './escape-html';
import type { LandingImage } from './landing-model';

/** The column is at most 40rem (640 CSS px) wide and fills the screen below that. */
export const COLUMN_SIZES = '(min-width: 40rem) 40rem, 100vw';

export interface ImageOptions {
  /** `sizes` of the srcset: how wide the image is drawn. */
  sizes: string;
  /** The first visual (the cover): loaded at once with high priority; everything else is lazy. */
  eager?: boolean;
  className?: string;
}

/** The stored JPEG width to use as `src` for browsers without srcset: the first ≥ `want`, else the largest. */
function fallbackWidth(widths: number[], want: number): number {
  return widths.find((w) => w >= want) ?? (widths[widths.length - 1] as number);
}

/**
 * An image with its box reserved (width and height set). Uploaded images (`/media/<id>/<w>.jpg`) become a
 * <picture> with AVIF and WebP sources and a JPEG fallback, each with a srcset of the stored widths; any other
 * http(s) URL is a plain <img>; anything else (javascript:, data:) renders nothing.
 */
export function renderImage(image: LandingImage, options: ImageOptions): SafeHtml | '' {
  const url = safeUrl(image.url);
  if (!url) return '';
  const loading = options.eager ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`;
  const cls = options.className ? html` class="${options.className}"` : '';
  const media = parseMediaUrl(url);
  if (!media) {
    return html`<img${cls} src="${url}" alt="${image.alt}" width="${image.width}" height="${image.height}"${loading}>`;
  }
  const src = mediaUrl(media.id, fallbackWidth(mediaWidths(media.width), 640), 'jpg');
  return html`<picture><source type="image/avif" srcset="${mediaSrcset(url, 'avif')}" sizes="${options.sizes}"><source type="image/webp" srcset="${mediaSrcset(url, 'webp')}" sizes="${options.sizes}"><img${cls} src="${src}" srcset="${mediaSrcset(url, 'jpg')}" sizes="${options.sizes}" alt="${image.alt}" width="${image.width}" height="${image.height}"${loading}></picture>`;
}

/**
 * A small picture (avatars, logos, thumbnails): the smallest stored width, WebP with a JPEG fallback, fetched at
 * low priority so that the cover (the largest paint) gets the bandwidth first.
 */
export function renderThumb(url: string | null, alt: string, size: { width: number; height: number }, className: string): SafeHtml | '' {
  const safe = url ? safeUrl(url) : null;
  if (!safe) return '';
  const media = parseMediaUrl(safe);
  if (!media) return html`<img class="${className}" src="${safe}" alt="${alt}" width="${size.width}" height="${size.height}" loading="lazy" decoding="async" fetchpriority="low">`;
  const width = mediaWidths(media.width)[0] as number;
  return html`<picture><source type="image/webp" srcset="${mediaUrl(media.id, width, 'webp')}"><img class="${className}" src="${mediaUrl(media.id, width, 'jpg')}" alt="${alt}" width="${size.width}" height="${size.height}" loading="lazy" decoding="async" fetchpriority="low"></picture>`;
}

/** An absolute-or-path URL of the image for share previews (og:image, WeChat's share card): the JPEG. */
export function previewImageUrl(image: LandingImage | null): string | null {
  const url = image ? safeUrl(image.url) : null;
  if (!url) return null;
  const media = parseMediaUrl(url);
  return media ? mediaUrl(media.id, fallbackWidth(mediaWidths(media.width), 640), 'jpg') : url;
}
