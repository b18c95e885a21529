// Hand-written on purpose: ULIDs and visitor ids in ~60 lines, tuned for the landing hot path (pooled random bytes,
// time-ordered ids that append to their index); a dependency would add nothing but a download.
import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// Random bytes are drawn from the OS in blocks: one syscall per 4 KiB instead of one per id.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function random(n: number): Buffer {
  if (n > POOL_SIZE) return randomBytes(n);
  if (poolOffset + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

let lastTime = -1;
let lastRandom: number[] = [];

function encodeTime(ms: number): string {
  let out = '';
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

/**
 * A ULID: 26 chars, sortable by creation time (monotonic within one process), unique across processes.
 * Ids sort like creation times, so "newest first" pagination needs only the primary key.
 */
export function newId(now = Date.now()): string {
  if (now <= lastTime) {
    // Same millisecond (or a clock step back): increment the random part to keep order.
    for (let i = lastRandom.length - 1; i >= 0; i--) {
      if (lastRandom[i] < 31) {
        lastRandom[i]++;
        break;
      }
      lastRandom[i] = 0;
    }
  } else {
    lastTime = now;
    lastRandom = Array.from(random(16), (b) => b % 32);
  }
  return encodeTime(lastTime) + lastRandom.map((n) => CROCKFORD[n]).join('');
}

/** The smallest id that can be created at `date`: `id >= idFloor(from)` filters by creation time on the primary key. */
export function idFloor(date: Date): string {
  return encodeTime(Math.max(0, date.getTime())) + '0'.repeat(16);
}

/**
 * A visitor id for the first-party cookie: 8 base62 chars of time, then 14 random (≈ 83 bits). New ids sort
 * after older ones, so the visit index grows at its end instead of at random places.
 */
export function newVisitorId(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 8; i++, t = Math.floor(t / 62)) time = BASE62[t % 62] + time;
  return time + randomBase62(14);
}

/** A random base62 string: share codes, invite codes. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]; // 248 = 62×4: no modulo bias
    }
  }
  return out;
}

/** The smallest id made at `ms`: every id made before it sorts lower (a primary-key range for "older than"). */
export function idFloorAt(ms: number): string {
  return encodeTime(ms) + '0'.repeat(16);
}
