import { Global, Module } from '@nestjs/common';
import { EventBus, InProcessEventBus } from './event-bus';
import { InProcessJobLock, JobLock } from './job-lock';
import { InProcessSharedCache, SharedCache } from './shared-cache';

/**
 * What several API processes share besides the database: the EventBus, the SharedCache and the JobLock ports.
 * Without REDIS_URL each is in-process (one API process is then the whole system); with it, Redis (see
 * docs/architecture.md, "State and scale"). Product modules inject the abstract classes, never an implementation.
 */
@Global()
@Module({
  providers: [
    { provide: EventBus, useClass: InProcessEventBus },
    { provide: SharedCache, useClass: InProcessSharedCache },
    { provide: JobLock, useClass: InProcessJobLock },
  ],
  exports: [EventBus, SharedCache, JobLock],
})
export class CoordinationModule {}
