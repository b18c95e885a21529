import type { Redis } from 'ioredis';
import { REDIS_PREFIX } from '../coordination/redis-connections';
import { boundedKey, RateLimitStore, type RateLimitResult } from './rate-limit.store';

const KEY = `${REDIS_PREFIX}rl:`;
/** One hit, atomically: the first hit of a window starts its expiry. Returns [hits, milliseconds left]. */
const HIT = `local n = redis.call('incr', KEYS[1])
if n == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
local left = redis.call('pttl', KEYS[1])
if left < 0 then redis.call('pexpire', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
return {n, left}`;
/** Takes one hit back, never below zero, keeping the window's expiry. */
const UNDO = `local n = tonumber(redis.call('get', KEYS[1]) or '0')
if n > 0 then redis.call('decr', KEYS[1]) end
return 0`;

/**
 * The same fixed-window counters in Redis (REDIS_URL): every process shares them at the cost of one round trip
 * to Redis instead of two to three statements in the database. Windows follow Redis's clock: the `now` argument,
 * which tests use to move the database store's windows, is not used here.
 */
export class RedisRateLimitStore extends RateLimitStore {
  constructor(private readonly redis: Redis) {
    super();
  }

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const [hits, leftMs] = (await this.redis.eval(HIT, 1, KEY + boundedKey(bucket), String(windowSeconds * 1000))) as [number, number];
    return { allowed: hits <= limit, hits, retryAfterSeconds: Math.max(1, Math.ceil(leftMs / 1000)) };
  }

  async peek(bucket: string): Promise<number> {
    return Number((await this.redis.get(KEY + boundedKey(bucket))) ?? 0);
  }

  async reset(bucket: string): Promise<void> {
    await this.redis.del(KEY + boundedKey(bucket));
  }

  async undo(bucket: string): Promise<void> {
    await this.redis.eval(UNDO, 1, KEY + boundedKey(bucket));
  }
}
