import { Global, Module } from '@nestjs/common';
import { EventBus, InProcessEventBus } from './event-bus';
import { InProcessJobLock, JobLock } from './job-lock';
import { RedisConnections } from './redis-connections';
import { RedisEventBus, RedisJobLock, RedisSharedCache } from './redis-ports';
import { InProcessSharedCache, SharedCache } from './shared-cache';

/**
 * What several API processes share besides the database: the EventBus, the SharedCache and the JobLock ports.
 * Without REDIS_URL each is in-process (one API process is then the whole system); with it, Redis (see
 * docs/architecture.md, "State and scale", and docs/scaling.md). Product modules inject the abstract classes.
 */
@Global()
@Module({
  providers: [
    RedisConnections,
    { provide: EventBus, inject: [RedisConnections], useFactory: (r: RedisConnections) => (r.client ? new RedisEventBus(r) : new InProcessEventBus()) },
    { provide: SharedCache, inject: [RedisConnections], useFactory: (r: RedisConnections) => (r.client ? new RedisSharedCache(r.client) : new InProcessSharedCache()) },
    { provide: JobLock, inject: [RedisConnections], useFactory: (r: RedisConnections) => (r.client ? new RedisJobLock(r.client) : new InProcessJobLock()) },
  ],
  exports: [RedisConnections, EventBus, SharedCache, JobLock],
})
export class CoordinationModule {}
