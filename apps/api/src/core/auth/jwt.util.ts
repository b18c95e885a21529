import { webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';

const ALG = 'HS256';

export interface JwtClaims extends JWTPayload {
  sub: string;
  typ: string;
}

/** The HMAC key of a secret, imported once (every signed-in request verifies a token). */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();
function keyOf(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

/** A compact HS256 JWT (jose). `typ` tells our token kinds apart (access, wechat_bind). */
export async function signJwt(claims: Record<string, unknown> & { sub: string; typ: string }, secret: string, ttlSeconds: number, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT(claims).setProtectedHeader({ alg: ALG, typ: 'JWT' }).setIssuedAt(iat).setExpirationTime(iat + ttlSeconds).sign(await keyOf(secret));
}

/**
 * Tokens whose signature jose has verified, per secret. A signed-in user sends the same access token for 15 minutes,
 * and jose's HMAC check (Web Crypto, an async job on the thread pool) costs ~65 us a request against ~3 us for a hit.
 * Only the signature check is skipped on a hit: expiry and kind are checked every time, and the guard still compares
 * the token version with the staff row, so revocation stays immediate.
 */
const verified = new Map<string, LRUCache<string, JwtClaims>>();
function verifiedOf(secret: string): LRUCache<string, JwtClaims> {
  let cache = verified.get(secret);
  if (!cache) verified.set(secret, (cache = new LRUCache<string, JwtClaims>({ max: 10_000 })));
  return cache;
}

/** The claims when the signature (HS256 only: we verify only our own tokens), the kind and the expiry hold; else null. */
export async function verifyJwt(token: string, secret: string, typ: string, now = Date.now()): Promise<JwtClaims | null> {
  const cache = verifiedOf(secret);
  let claims = cache.get(token);
  if (!claims) {
    try {
      claims = (await jwtVerify(token, await keyOf(secret), { algorithms: [ALG], currentDate: new Date(now) })).payload as JwtClaims;
    } catch {
      return null;
    }
    cache.set(token, claims);
  }
  const live = typeof claims.exp === 'number' && claims.exp * 1000 > now;
  return live && claims.typ === typ && typeof claims.sub === 'string' ? claims : null;
}
