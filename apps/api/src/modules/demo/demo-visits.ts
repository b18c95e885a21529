import type { VisitEventType } from '@fenji/shared';
import type { ShareService } from '../share/share.service';
import type { VisitService } from '../visit/visit.service';

const HOUR = 3600 * 1000;
const MINUTE = 60_000;

/** The browser of the demo's i-th customer (stitched to their lead when they leave details). */
export const demoVisitorId = (i: number): string => `demo${String(i).padStart(4, '0')}customer-browser`;
const anonymousVisitorId = (i: number): string => `demo${String(i).padStart(4, '0')}anonymous-browser`;

interface DemoEvent {
  code: string;
  visitorId: string;
  type: VisitEventType;
  value?: number;
  ago: number;
}

/** One sitting: a view, then time on the page and how far it was read, sent together a little later. */
function sitting(code: string, visitorId: string, ago: number, seconds: number, read: number): DemoEvent[] {
  return [
    { code, visitorId, type: 'view', ago },
    { code, visitorId, type: 'dwell', value: seconds, ago: ago - seconds * 1000 },
    { code, visitorId, type: 'read_depth', value: Math.min(100, read), ago: ago - seconds * 1000 },
  ];
}

/**
 * What the radar and heat show in the demo, before the customers leave details: each customer's reading over the
 * last days (some came back, some opened the form), anonymous visitors reading in the last minutes, and one customer
 * re-sharing to two friends who are reading now. Recorded through the visit buffer in time order (ids follow time),
 * so analytics derives everything as it does for real visits.
 */
export async function seedDemoVisits(visits: VisitService, shares: ShareService, customerShareCodes: string[], now = Date.now()): Promise<void> {
  const events: DemoEvent[] = [];
  for (const [i, code] of customerShareCodes.entries()) {
    const start = (i + 1) * 7 * HOUR + 30 * HOUR;
    events.push(...sitting(code, demoVisitorId(i), start, 25 + ((i * 37) % 240), 35 + i * 6));
    // Some came back: once, or twice (those are hot).
    if (i % 4 !== 2) events.push(...sitting(code, demoVisitorId(i), start - 20 * HOUR, 90 + i * 10, 100));
    if (i % 4 === 0) events.push(...sitting(code, demoVisitorId(i), start - 26 * HOUR, 60 + i * 5, 90));
    if (i % 3 === 0) events.push({ code, visitorId: demoVisitorId(i), type: 'form_open', ago: start - 5 * MINUTE });
  }
  for (let v = 0; v < 6; v++) {
    events.push(...sitting(customerShareCodes[v % customerShareCodes.length]!, anonymousVisitorId(v), (6 - v) * 4 * MINUTE, 15 + v * 33, 20 + v * 15));
  }
  events.sort((a, b) => b.ago - a.ago);
  for (const e of events) {
    const share = await shares.findByCode(e.code);
    if (!share) continue;
    visits.recordAt({ shareId: share.id, staffId: share.staffId, visitorId: e.visitorId, type: e.type, value: e.value ?? null, newVisitor: true }, new Date(now - e.ago));
  }
  // Now: the third customer re-shares, and two friends open it.
  const code = customerShareCodes[2];
  if (code) {
    const child = await shares.findByCode((await shares.reshare(code, demoVisitorId(2), 'demo')).code);
    for (const friend of [0, 1]) {
      if (!child) break;
      const visit = { shareId: child.id, staffId: child.staffId, visitorId: anonymousVisitorId(100 + friend), newVisitor: true };
      visits.recordAt({ ...visit, type: 'view' }, new Date());
      visits.recordAt({ ...visit, type: 'dwell', value: 70 + friend * 40 }, new Date());
    }
  }
  await visits.flush();
}
