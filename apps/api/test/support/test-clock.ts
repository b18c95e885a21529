import { Clock } from '../../src/core/clock/clock';

/** The app's clock in tests: real time plus an offset that a test moves forward to end protection periods and recycle. */
export class TestClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
