import { Global, Injectable, Module } from '@nestjs/common';

export const DAY_MS = 24 * 3600 * 1000;

/** The time rules run on. Tests move it forward to see protection periods end and leads recycle. */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Test hook: jump the clock forward (or back). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
