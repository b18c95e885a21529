/** A stored file as read back. */
export interface StoredFile {
  body: Buffer;
  contentType: string;
}

/**
 * Where uploaded media live: local disk by default (MEDIA_DIR), an S3-compatible bucket by configuration
 * (MEDIA_S3_*). Keys are `<id>/<name>` made by MediaService, never by a client.
 */
export abstract class FileStore {
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or null when there is none under that key. */
  abstract get(key: string): Promise<StoredFile | null>;
}

const TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg', png: 'image/png', json: 'application/json' };
export const contentTypeOf = (key: string): string => TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

/** Keys are `<id>/<name>` with a safe alphabet: nothing can climb out of the store. */
export const SAFE_KEY = /^[0-9A-Za-z]{10,40}\/[0-9A-Za-z_-]{1,40}\.(avif|webp|jpg|png|json)$/;
