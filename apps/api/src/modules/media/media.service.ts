import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import sharp from 'sharp';
import { MEDIA_FORMATS, MEDIA_WIDTHS, mediaUrl, mediaWidths, parseMediaUrl, type MediaFormat, type UploadResponse } from '@fenji/shared';
import { newId } from '../../core/database/id.util';
import { AppException } from '../../core/errors/app.exception';
import { FileStore, type StoredFile } from './file-store';

/** Decoded pixels an upload may have (a decompression bomb is refused before it is decoded). */
const MAX_INPUT_PIXELS = 40_000_000;
const LARGEST = MEDIA_WIDTHS[MEDIA_WIDTHS.length - 1];

/** What sharp calls the formats we take, by their leading bytes (checked first, then by decoding). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);
function sniff(head: Buffer): string | null {
  if (head.length < 12) return null;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (head.toString('latin1', 0, 4) === 'GIF8') return 'gif';
  if (head.toString('latin1', 4, 8) === 'ftyp' && /^(avif|avis|mif1)/.test(head.toString('latin1', 8, 12))) return 'heif';
  return null;
}

const unsupported = () => new AppException(415, 'UNSUPPORTED_MEDIA_TYPE', '只能上传 JPG、PNG、WebP、GIF 或 AVIF 图片');

interface MediaMeta {
  width: number;
  height: number;
  uploadedBy: string;
}

/**
 * Uploaded images: checked by content, resized once at upload into MEDIA_WIDTHS × MEDIA_FORMATS (never wider
 * than the original), metadata (EXIF, GPS) dropped, stored through the FileStore under one new id.
 */
@Injectable()
export class MediaService {
  private readonly metas = new LRUCache<string, MediaMeta>({ max: 5_000 });

  constructor(@Inject(FileStore) private readonly store: FileStore) {}

  async upload(data: Buffer, uploadedBy: string): Promise<UploadResponse> {
    if (!ACCEPTED.has(sniff(data) ?? '')) throw unsupported();
    let image: sharp.Sharp;
    let width: number;
    let height: number;
    try {
      image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, animated: false, failOn: 'error' }).rotate();
      const meta = await image.metadata();
      if (!ACCEPTED.has(meta.format ?? '') || !meta.width || !meta.height) throw unsupported();
      // Turned upright by the EXIF orientation.
      const turned = (meta.orientation ?? 1) >= 5;
      width = turned ? meta.height : meta.width;
      height = turned ? meta.width : meta.height;
    } catch (error) {
      if (error instanceof AppException) throw error;
      throw unsupported();
    }
    const id = newId();
    const largest = Math.min(width, LARGEST);
    const widths = mediaWidths(largest);
    for (const w of widths) {
      const resized = image.clone().resize({ width: w, withoutEnlargement: true });
      for (const format of MEDIA_FORMATS) {
        const body = await encode(resized.clone(), format).toBuffer();
        await this.store.put(`${id}/${w}.${format}`, body, contentType(format));
      }
    }
    const storedHeight = Math.max(1, Math.round((height * largest) / width));
    const meta: MediaMeta = { width: largest, height: storedHeight, uploadedBy };
    await this.store.put(`${id}/meta.json`, Buffer.from(JSON.stringify(meta)), 'application/json');
    this.metas.set(id, meta);
    return { url: mediaUrl(id, largest, 'jpg'), width: largest, height: storedHeight };
  }

  /** One stored variant for `/media/<id>/<width>.<format>`, or null. */
  read(id: string, file: string): Promise<StoredFile | null> {
    const parsed = parseMediaUrl(`/media/${id}/${file}`);
    return parsed ? this.store.get(`${parsed.id}/${parsed.width}.${parsed.format}`) : Promise.resolve(null);
  }

  /** The size of an uploaded image's largest stored width (for width/height on pages); null for other URLs. */
  async imageSize(url: string): Promise<{ width: number; height: number } | null> {
    const meta = await this.metaOf(url);
    return meta ? { width: meta.width, height: meta.height } : null;
  }

  /** Who uploaded the image behind a media URL (null: not ours, or unknown). */
  async uploaderOf(url: string): Promise<string | null> {
    return (await this.metaOf(url))?.uploadedBy ?? null;
  }

  private async metaOf(url: string): Promise<MediaMeta | null> {
    const parsed = parseMediaUrl(url);
    if (!parsed) return null;
    const cached = this.metas.get(parsed.id);
    if (cached) return cached;
    const file = await this.store.get(`${parsed.id}/meta.json`);
    if (!file) return null;
    const meta = JSON.parse(file.body.toString('utf8')) as MediaMeta;
    this.metas.set(parsed.id, meta);
    return meta;
  }
}

function encode(image: sharp.Sharp, format: MediaFormat): sharp.Sharp {
  if (format === 'avif') return image.avif({ quality: 50, effort: 2 });
  if (format === 'webp') return image.webp({ quality: 75 });
  return image.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
}

const contentType = (format: MediaFormat) => (format === 'jpg' ? 'image/jpeg' : `image/${format}`);
