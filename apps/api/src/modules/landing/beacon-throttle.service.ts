import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';

/** Events one visitor may leave in a minute (a real reader: a view, a few dwell beats, a form, a re-share). */
export const EVENTS_PER_VISITOR_PER_MINUTE = 30;
const MAX_KEYS = 200_000;

/**
 * Keeps forged beacons and page views out of the numbers and the radar: past 30 events a minute of one visitor,
 * or VISIT_EVENTS_PER_ADDRESS_PER_MINUTE of one share from one address (default 120: generous, many customers share
 * a carrier's NAT address), an event is
 * dropped silently (the page and the beacon still get their answer at once). Counts live in this process
 * (fixed one-minute windows, no database round trip on the hottest path); with several processes each
 * counts its own share of the traffic, so the limits hold per process.
 */
@Injectable()
export class BeaconThrottle {
  private window = 0;
  private readonly counts = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Counts the event; false when it is over a limit and should not be recorded. */
  allow(visitorId: string, ip: string, shareId: string, now = Date.now()): boolean {
    const window = Math.floor(now / 60_000);
    if (window !== this.window || this.counts.size > MAX_KEYS) {
      this.window = window;
      this.counts.clear();
    }
    const byVisitor = this.bump(`v|${visitorId}`);
    const byAddress = this.bump(`a|${ip}|${shareId}`);
    return byVisitor <= EVENTS_PER_VISITOR_PER_MINUTE && byAddress <= this.config.visitEventsPerAddressPerMinute;
  }

  private bump(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }
}
