// Hand-written on purpose: business quotas (logins per account and address, claims, leads per IP) shared by every
// process through the database, counted before the action and taken back after it; @fastify/rate-limit counts requests.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import { isUniqueViolation } from '../database/db-errors.util';
import { isRetryable } from '../database/transaction.runner';
import { RateLimitEntity } from './rate-limit.entity';

export interface RateLimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters that every API process shares. This one keeps them in the database;
 * a Redis implementation of the same interface can replace it without touching a rule.
 */
export abstract class RateLimitStore {
  /** Counts one hit in `bucket`; allowed while hits ≤ limit in the current window. */
  abstract hit(bucket: string, limit: number, windowSeconds: number, now?: Date): Promise<RateLimitResult>;
  /** Current hits without counting one. */
  abstract peek(bucket: string, now?: Date): Promise<number>;
  abstract reset(bucket: string): Promise<void>;
  /** Takes back one hit (the action it counted did not happen). */
  abstract undo(bucket: string): Promise<void>;
}

/** Longest key kept as written (the column holds 191); a longer one is kept as its start and a hash of it all. */
const MAX_PLAIN_KEY = 120;

/** Any bucket name as a key that fits the column: no header or input can make a counter fail. */
export function boundedKey(bucket: string): string {
  if (bucket.length <= MAX_PLAIN_KEY) return bucket;
  return `${bucket.slice(0, 40)}#${createHash('sha256').update(bucket).digest('base64url')}`;
}

@Injectable()
export class DatabaseRateLimitStore extends RateLimitStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    super();
  }

  private get repo() {
    return this.dataSource.getRepository(RateLimitEntity);
  }

  /**
   * Each statement here is its own atomic write outside any unit of work, so one that lost a deadlock or, on
   * Galera, a certification conflict (every request of one address bumps the same row, from every node) is
   * simply sent again.
   */
  private async statement<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (attempt >= 8 || !isRetryable(error)) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 10 * 2 ** attempt)));
      }
    }
  }

  async hit(name: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateLimitResult> {
    return this.statement(() => this.hitOnce(name, limit, windowSeconds, now));
  }

  private async hitOnce(name: string, limit: number, windowSeconds: number, now: Date): Promise<RateLimitResult> {
    const bucket = boundedKey(name);
    for (let attempt = 0; attempt < 3; attempt++) {
      const bumped = await this.repo.increment({ bucket, resetAt: MoreThan(now) }, 'hits', 1);
      if (bumped.affected) {
        const row = await this.repo.findOneBy({ bucket });
        if (row) return this.result(row, limit, now);
      }
      const resetAt = new Date(now.getTime() + windowSeconds * 1000);
      try {
        await this.repo.insert({ bucket, hits: 1, resetAt });
        return { allowed: 1 <= limit, hits: 1, retryAfterSeconds: windowSeconds };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // The row exists but its window is over: start a new one (one process wins, the others retry).
      const restarted = await this.repo.update({ bucket, resetAt: LessThanOrEqual(now) }, { hits: 1, resetAt });
      if (restarted.affected) return { allowed: 1 <= limit, hits: 1, retryAfterSeconds: windowSeconds };
    }
    return { allowed: false, hits: limit + 1, retryAfterSeconds: 1 };
  }

  async peek(name: string, now = new Date()): Promise<number> {
    const row = await this.repo.findOneBy({ bucket: boundedKey(name), resetAt: MoreThan(now) });
    return row?.hits ?? 0;
  }

  async reset(name: string): Promise<void> {
    await this.statement(() => this.repo.delete({ bucket: boundedKey(name) }));
  }

  async undo(name: string): Promise<void> {
    await this.statement(() => this.repo.decrement({ bucket: boundedKey(name), hits: MoreThan(0) }, 'hits', 1));
  }

  private result(row: RateLimitEntity, limit: number, now: Date): RateLimitResult {
    return {
      allowed: row.hits <= limit,
      hits: row.hits,
      retryAfterSeconds: Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000)),
    };
  }
}
