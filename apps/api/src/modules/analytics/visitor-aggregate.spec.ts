import type { VisitEventType } from '@fenji/shared';
import { applyVisitEvent, inApplyOrder, newVisitorStat } from './visitor-aggregate';

const T0 = new Date('2026-03-01T02:00:00.000Z');
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const ev = (type: VisitEventType, value: number | null = null, s = 0) => ({ type, value, at: at(s), shareId: 'S1', contentId: 'C1' });
const fresh = () => newVisitorStat('ID', 'staff', 'branch', 'visitor', ev('view'));

describe('visitor aggregates', () => {
  it('counts views, and each view starts the running dwell and read depth again (only growth counts)', () => {
    const stat = fresh();
    expect(applyVisitEvent(stat, ev('view'))).toMatchObject({ type: 'view', visitNumber: 1 });
    expect(applyVisitEvent(stat, ev('dwell', 30, 30))).toMatchObject({ type: 'dwell', dwellSeconds: 30, visitNumber: 1 });
    expect(applyVisitEvent(stat, ev('dwell', 30, 31))).toBeNull(); // the same total again: nothing new
    expect(applyVisitEvent(stat, ev('dwell', 45, 45))).toMatchObject({ dwellSeconds: 45 });
    expect(applyVisitEvent(stat, ev('view', null, 60))).toMatchObject({ type: 'view', visitNumber: 2 });
    applyVisitEvent(stat, ev('dwell', 20, 80));
    expect(stat).toMatchObject({ views: 2, dwellSeconds: 65, viewDwell: 20 });
    expect(stat.lastSeenAt).toEqual(at(80));
  });

  it('keeps the deepest read, clamped to 0–100, and shows it on the dwell line of the same view, never as a line of its own', () => {
    const stat = fresh();
    applyVisitEvent(stat, ev('view'));
    expect(applyVisitEvent(stat, ev('read_depth', 140))).toBeNull();
    expect(stat.maxReadPercent).toBe(100);
    expect(applyVisitEvent(stat, ev('dwell', 10))).toMatchObject({ readPercent: 100 });
    applyVisitEvent(stat, ev('view'));
    expect(applyVisitEvent(stat, ev('dwell', 5))).toMatchObject({ readPercent: null });
    applyVisitEvent(stat, ev('read_depth', -3));
    expect(stat.maxReadPercent).toBe(100);
  });

  it('scores heat from what the visitor did and says why in words', () => {
    const stat = fresh();
    applyVisitEvent(stat, ev('view'));
    const cold = stat.heat;
    applyVisitEvent(stat, ev('view'));
    applyVisitEvent(stat, ev('view'));
    applyVisitEvent(stat, ev('dwell', 240));
    applyVisitEvent(stat, ev('read_depth', 80));
    const reshare = applyVisitEvent(stat, ev('reshare'));
    expect(stat.heat).toBeGreaterThan(cold);
    expect(stat.heat).toBe(30 + 20 + 16 + 10);
    expect(reshare).toMatchObject({ type: 'reshare', heat: stat.heat, heatReason: '3 次查看 · 停留 4 分钟 · 读到 80% · 转发 1 次' });
  });

  it('applies a read-depth beacon sent with a dwell beacon first, otherwise in id order', () => {
    const base = { visitorId: 'v', shareId: 's' };
    const events = [
      { ...base, id: '03', type: 'read_depth' as const },
      { ...base, id: '02', type: 'dwell' as const },
      { ...base, id: '01', type: 'view' as const },
      { ...base, id: '04', type: 'dwell' as const },
      { id: '05', type: 'read_depth' as const, visitorId: 'other', shareId: 's' },
    ];
    expect(inApplyOrder(events).map((e) => e.id)).toEqual(['01', '03', '02', '04', '05']);
  });
});
