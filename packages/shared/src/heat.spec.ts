import { HEAT_DECAY_PER_DAY, heatAt, heatRank, heatScore } from './heat';

const DAY = 24 * 3600 * 1000;

describe('heat', () => {
  it('grows with views, dwell, read depth and re-shares, within 0–100', () => {
    expect(heatScore({ views: 0, totalDwellSeconds: 0, reshares: 0 })).toBe(0);
    expect(heatScore({ views: 1, totalDwellSeconds: 0, reshares: 0 })).toBe(10);
    expect(heatScore({ views: 1, totalDwellSeconds: 60, reshares: 0 })).toBe(15);
    expect(heatScore({ views: 1, totalDwellSeconds: 0, maxReadPercent: 100, reshares: 0 })).toBe(30);
    expect(heatScore({ views: 1, totalDwellSeconds: 0, reshares: 1, reshareVisitors: 2 })).toBe(26);
    expect(heatScore({ views: 99, totalDwellSeconds: 99_999, maxReadPercent: 100, reshares: 9, reshareVisitors: 9 })).toBe(100);
  });

  it('loses HEAT_DECAY_PER_DAY a day without activity, never below 0', () => {
    const last = Date.UTC(2026, 2, 1);
    expect(heatAt(60, last, last)).toBe(60);
    expect(heatAt(60, last, last + 2 * DAY)).toBe(60 - 2 * HEAT_DECAY_PER_DAY);
    expect(heatAt(10, last, last + 30 * DAY)).toBe(0);
  });

  it('ranks in the order of today\'s heat, whenever today is', () => {
    const now = Date.UTC(2026, 2, 10);
    const rows = [
      { score: 80, last: now - 9 * DAY },
      { score: 50, last: now - 1 * DAY },
      { score: 40, last: now },
      { score: 70, last: now - 3 * DAY },
    ];
    const byRank = [...rows].sort((a, b) => heatRank(b.score, b.last) - heatRank(a.score, a.last));
    const byToday = [...rows].sort((a, b) => heatAt(b.score, b.last, now) - heatAt(a.score, a.last, now));
    expect(byRank).toEqual(byToday);
    expect(byRank[0]).toEqual(rows[3]);
  });
});
