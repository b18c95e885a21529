import type { Listen } from './client-listen';

/**
 * Beacons from the page: form opens, time on page (dwell) and how far down it was read (read_depth), sent when
 * the page is hidden or left, so they survive the page going away. Best-effort: nothing waits for them.
 */
export interface BeaconTarget {
  eventsUrl: string;
  shareCode: string;
  /** May be a getter: the cookie is read when the first beacon goes. */
  readonly visitorId?: string | undefined;
}

type EventType = 'dwell' | 'form_open' | 'read_depth';

export function sendEvents(win: Window, target: BeaconTarget, events: Array<{ type: EventType; value?: number }>): void {
  if (!target.eventsUrl || events.length === 0) return;
  const visitorId = target.visitorId;
  const list = events.map((e) => ({ type: e.type, shareCode: target.shareCode, ...(visitorId ? { visitorId } : {}), ...(e.value !== undefined ? { value: e.value } : {}) }));
  const json = JSON.stringify(list.length === 1 ? list[0] : { events: list });
  const nav = win.navigator;
  try {
    if (nav.sendBeacon && nav.sendBeacon(target.eventsUrl, new Blob([json], { type: 'application/json' }))) return;
  } catch {
    // Some browsers refuse non-text beacons: fall back to a keepalive fetch.
  }
  win.fetch(target.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json, keepalive: true }).catch(() => undefined);
}

/** Percent of the page scrolled into view so far (the bottom of the viewport over the page's height). */
export function readDepthPercent(win: Window): number {
  const doc = win.document.documentElement;
  const height = doc.scrollHeight;
  if (!height) return 0; // not laid out (yet)
  const seen = (win.scrollY || doc.scrollTop || 0) + win.innerHeight;
  return Math.max(0, Math.min(100, Math.round((seen / height) * 100)));
}

/** Tracks visible time and read depth; reports both, only what grew, whenever the page is hidden or left. */
export function trackReading(win: Window, target: BeaconTarget, on: Listen): void {
  const doc = win.document;
  let visibleSince: number | null = doc.visibilityState === 'hidden' ? null : Date.now();
  let visibleMs = 0;
  let sentSeconds = 0;
  let depth = 0; // measured on scroll and when reported: reading layout now would force it during start-up
  let sentDepth = 0;
  let scheduled = false;

  on(
    win,
    'scroll',
    () => {
      if (scheduled) return;
      scheduled = true;
      win.requestAnimationFrame(() => {
        scheduled = false;
        depth = Math.max(depth, readDepthPercent(win));
      });
    },
    { passive: true },
  );

  const report = (): void => {
    if (visibleSince !== null) visibleMs += Date.now() - visibleSince;
    visibleSince = null;
    const seconds = Math.min(86400, Math.round(visibleMs / 1000));
    const events: Array<{ type: EventType; value: number }> = [];
    if (seconds > sentSeconds) events.push({ type: 'dwell', value: (sentSeconds = seconds) });
    depth = Math.max(depth, readDepthPercent(win));
    if (depth > sentDepth) events.push({ type: 'read_depth', value: (sentDepth = depth) });
    sendEvents(win, target, events);
  };
  on(doc, 'visibilitychange', () => {
    if (doc.visibilityState === 'hidden') report();
    else visibleSince = Date.now();
  });
  on(win, 'pagehide', report);
}
