import { type DynamicModule, Global, Injectable, Module } from '@nestjs/common';

export const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** When the China-time calendar day of `now` began (claims per day count from it; "today" for follow-ups). */
export function chinaDayStart(now: Date): Date {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - CHINA_OFFSET_MS);
}

/** The time rules run on (protection periods, recycling, the claims of a day). It only tells the time. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

@Global()
@Module({})
export class ClockModule {
  /** `clock`: the real one, unless a test gives its own (test/support/test-clock.ts moves forward). */
  static forRoot(clock: Clock = new Clock()): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}
