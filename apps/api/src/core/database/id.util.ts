import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

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
    lastRandom = Array.from(randomBytes(16), (b) => b % 32);
  }
  return encodeTime(lastTime) + lastRandom.map((n) => CROCKFORD[n]).join('');
}

/** The smallest id that can be created at `date`: `id >= idFloor(from)` filters by creation time on the primary key. */
export function idFloor(date: Date): string {
  return encodeTime(Math.max(0, date.getTime())) + '0'.repeat(16);
}

/** A random base62 string: share codes, invite codes, visitor ids. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62]; // 248 = 62×4: no modulo bias
    }
  }
  return out;
}
