import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { EventBus, type EventHandler } from './event-bus';
import { JobLock, periodClaimMs } from './job-lock';
import { REDIS_PREFIX, type RedisConnections } from './redis-connections';
import { SharedCache } from './shared-cache';

const CHANNEL = `${REDIS_PREFIX}bus:`;

/** Pub/sub: a message published by any process reaches the subscribers of every process, this one included. */
export class RedisEventBus extends EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly channels = new Set<string>();

  constructor(private readonly redis: RedisConnections) {
    super();
    redis.subscriber.on('message', (channel: string, message: string) => {
      if (!channel.startsWith(CHANNEL)) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message);
      } catch {
        return; // not ours
      }
      this.local.emit(channel.slice(CHANNEL.length), payload);
    });
  }

  async publish(topic: string, payload: unknown): Promise<void> {
    await (this.redis.client as Redis).publish(CHANNEL + topic, JSON.stringify(payload ?? null));
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    if (!this.channels.has(topic)) {
      this.channels.add(topic);
      void this.redis.subscriber.subscribe(CHANNEL + topic).catch(() => this.channels.delete(topic));
    }
    this.local.on(topic, handler);
    return () => this.local.off(topic, handler);
  }

  /** Resolves once every subscription asked for so far is active in Redis (tests, and start-up ordering). */
  async ready(): Promise<void> {
    if (this.channels.size) await this.redis.subscriber.subscribe(...[...this.channels].map((t) => CHANNEL + t));
  }
}

const CACHE = `${REDIS_PREFIX}cache:`;

export class RedisSharedCache extends SharedCache {
  constructor(private readonly redis: Redis) {
    super();
  }

  get(key: string): Promise<string | null> {
    return this.redis.get(CACHE + key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(CACHE + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(CACHE + key);
  }
}

const LOCK = `${REDIS_PREFIX}lock:`;
/** Deletes the lock only if it still holds this run's token (it may have lapsed and been taken by another run). */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** SET NX PX with a token per run; released by compare-and-delete. */
export class RedisJobLock extends JobLock {
  constructor(private readonly redis: Redis) {
    super();
  }

  async runExclusive<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<T | null> {
    const token = randomUUID();
    const taken = await this.redis.set(LOCK + name, token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
    if (taken !== 'OK') return null;
    try {
      return await job();
    } finally {
      await this.redis.eval(RELEASE, 1, LOCK + name, token).catch(() => undefined); // lapses by itself otherwise
    }
  }

  async runOncePer<T>(name: string, periodMs: number, job: () => Promise<T>): Promise<T | null> {
    const taken = await this.redis.set(`${LOCK}period:${name}`, process.pid.toString(), 'PX', periodClaimMs(periodMs), 'NX');
    return taken === 'OK' ? job() : null;
  }
}
