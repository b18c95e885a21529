import { createSigner, createVerifier } from 'fast-jwt';

const ALG = 'HS256';
/** Verified tokens kept per process (a signed-in user sends the same access token for 15 minutes); expiry still holds. */
const VERIFIED_CACHE = 10_000;

export interface JwtClaims {
  sub: string;
  typ: string;
  iat: number;
  exp: number;
  [claim: string]: unknown;
}

type Sign = (claims: Record<string, unknown>) => string;
type Verify = (token: string) => JwtClaims;

/** One signer per (secret, lifetime) and one verifier per secret: fast-jwt compiles them once. */
const signers = new Map<string, Sign>();
const verifiers = new Map<string, Verify>();

function signerOf(secret: string, ttlSeconds: number, now?: number): Sign {
  if (now !== undefined) return createSigner({ key: secret, algorithm: ALG, expiresIn: ttlSeconds * 1000, clockTimestamp: now }) as Sign;
  const id = `${ttlSeconds}:${secret}`;
  let sign = signers.get(id);
  if (!sign) signers.set(id, (sign = createSigner({ key: secret, algorithm: ALG, expiresIn: ttlSeconds * 1000 }) as Sign));
  return sign;
}

function verifierOf(secret: string, now?: number): Verify {
  if (now !== undefined) return createVerifier({ key: secret, algorithms: [ALG], clockTimestamp: now }) as Verify;
  let verify = verifiers.get(secret);
  if (!verify) verifiers.set(secret, (verify = createVerifier({ key: secret, algorithms: [ALG], cache: VERIFIED_CACHE }) as Verify));
  return verify;
}

/** A compact HS256 JWT (fast-jwt, the engine of @fastify/jwt). `typ` tells our token kinds apart (access, wechat_bind). */
export function signJwt(claims: Record<string, unknown> & { sub: string; typ: string }, secret: string, ttlSeconds: number, now?: number): string {
  return signerOf(secret, ttlSeconds, now)(claims);
}

/** The claims when the signature (HS256 only: we verify only our own tokens), the kind and the expiry hold; else null. */
export function verifyJwt(token: string, secret: string, typ: string, now?: number): JwtClaims | null {
  try {
    const claims = verifierOf(secret, now)(token);
    return claims.typ === typ && typeof claims.sub === 'string' ? claims : null;
  } catch {
    return null;
  }
}
