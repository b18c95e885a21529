import { webcrypto } from 'node:crypto';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

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

/** The claims when the signature (HS256 only: we verify only our own tokens), the kind and the expiry hold; else null. */
export async function verifyJwt(token: string, secret: string, typ: string, now = Date.now()): Promise<JwtClaims | null> {
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), { algorithms: [ALG], currentDate: new Date(now) });
    return payload.typ === typ && typeof payload.sub === 'string' ? (payload as JwtClaims) : null;
  } catch {
    return null;
  }
}
