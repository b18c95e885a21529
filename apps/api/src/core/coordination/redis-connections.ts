import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * The process's Redis connections when REDIS_URL is set: one for commands, one that only subscribes (a
 * subscribed connection can send nothing else). Null without REDIS_URL. ioredis reconnects by itself; commands
 * issued while it is away fail after `commandTimeout` instead of waiting forever.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  private subscriberConnection: Redis | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client = config.redisUrl ? this.connect('commands') : null;
  }

  /** The subscribing connection, opened on first use. */
  get subscriber(): Redis {
    if (!this.config.redisUrl) throw new Error('REDIS_URL is not set');
    this.subscriberConnection ??= this.connect('subscriptions');
    return this.subscriberConnection;
  }

  private connect(role: string): Redis {
    const redis = new Redis(this.config.redisUrl as string, { commandTimeout: 2000, maxRetriesPerRequest: 2, lazyConnect: false });
    // Without a listener ioredis prints every failed reconnection; one line a failure is enough.
    redis.on('error', (error: Error) => this.logger.warn(`Redis (${role}): ${error.message}`));
    return redis;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.client, this.subscriberConnection].map((c) => c?.quit().catch(() => c.disconnect())));
  }
}

/** Every Redis key Fenji writes starts with this, so one Redis can serve other applications too. */
export const REDIS_PREFIX = 'fenji:';
