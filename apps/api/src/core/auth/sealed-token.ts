import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Opaque, tamper-proof tokens for links we hand to customers (the 不再联系 link): AES-256-GCM over a small JSON
 * payload with its expiry, under a key derived from JWT_SECRET for one purpose. Nobody can read the payload (a
 * phone number stays private in a URL) or forge one; a token of another purpose does not open.
 */
export class SealedTokens {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'fenji-sealed-token', purpose, 32));
  }

  seal(payload: Record<string, unknown>, ttlMs: number, now = Date.now()): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ ...payload, exp: now + ttlMs }), 'utf8'), cipher.final()]);
    return [iv, body, cipher.getAuthTag()].map((b) => b.toString('base64url')).join('.');
  }

  /** The payload, or null when the token is malformed, forged, of another purpose or expired. */
  open<T extends Record<string, unknown>>(token: string, now = Date.now()): T | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    try {
      const [iv, body, tag] = parts.map((p) => Buffer.from(p, 'base64url'));
      if (iv.length !== 12 || tag.length !== 16) return null;
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      const payload = JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T & { exp?: number };
      return typeof payload.exp === 'number' && payload.exp > now ? payload : null;
    } catch {
      return null;
    }
  }
}
