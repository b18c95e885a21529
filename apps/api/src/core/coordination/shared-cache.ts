import { LRUCache } from 'lru-cache';

/**
 * Small values several API processes should share, each with a time to live (WeChat's access token and JS-SDK
 * ticket, a rendered poster's key). Values are strings: callers encode JSON themselves. In-process by default;
 * with REDIS_URL, Redis.
 */
export abstract class SharedCache {
  abstract get(key: string): Promise<string | null>;
  abstract set(key: string, value: string, ttlMs: number): Promise<void>;
  abstract delete(key: string): Promise<void>;
}

/** One process only: the default with no REDIS_URL. */
export class InProcessSharedCache extends SharedCache {
  /** Bounded by count; each entry carries its own wall-clock expiry (the same clock Redis's PX follows). */
  private readonly entries = new LRUCache<string, { value: string; until: number }>({ max: 10_000 });

  async get(key: string): Promise<string | null> {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until > Date.now()) return entry.value;
    this.entries.delete(key);
    return null;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.set(key, { value, until: Date.now() + Math.max(1, ttlMs) });
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
