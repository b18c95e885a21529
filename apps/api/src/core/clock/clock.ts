import { type DynamicModule, Global, Injectable, Module } from '@nestjs/common';

export const DAY_MS = 24 * 3600 * 1000;

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
