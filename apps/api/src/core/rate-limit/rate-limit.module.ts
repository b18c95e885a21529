import { Global, Module } from '@nestjs/common';
import { DatabaseRateLimitStore, RateLimitStore } from './rate-limit.store';

@Global()
@Module({ providers: [{ provide: RateLimitStore, useClass: DatabaseRateLimitStore }], exports: [RateLimitStore] })
export class RateLimitModule {}
