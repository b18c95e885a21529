import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RedisConnections } from '../coordination/redis-connections';
import { DatabaseRateLimitStore, RateLimitStore } from './rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/** Business quotas shared by every process: in Redis with REDIS_URL, in the database otherwise. */
@Global()
@Module({
  providers: [
    {
      provide: RateLimitStore,
      inject: [RedisConnections, DataSource],
      useFactory: (redis: RedisConnections, dataSource: DataSource) => (redis.client ? new RedisRateLimitStore(redis.client) : new DatabaseRateLimitStore(dataSource)),
    },
  ],
  exports: [RateLimitStore],
})
export class RateLimitModule {}
