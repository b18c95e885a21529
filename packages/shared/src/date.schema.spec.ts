import { dateFilterSchema, followUpAtSchema, parseIsoDate } from './date.schema';

describe('dates the API takes', () => {
  it('reads strict ISO-8601 with a four-digit year, and nothing else', () => {
    expect(parseIsoDate('2026-11-30')).toBe(Date.UTC(2026, 10, 30));
    expect(parseIsoDate('2026-11-30T17:00:00.000+08:00')).toBe(Date.UTC(2026, 10, 30, 9));
    for (const bad of ['-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '10000-01-01', '2026-02-30', '2026-13-01', '2026-11-30T09:00', 'Mon, 01 Jan 2029 00:00:00 GMT', '']) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });

  it('list filters: 2000 to 2100', () => {
    expect(dateFilterSchema.safeParse('2026-01-01').success).toBe(true);
    expect(dateFilterSchema.safeParse('1999-12-31').success).toBe(false);
    expect(dateFilterSchema.safeParse('2100-01-02').success).toBe(false);
  });

  it('a follow-up: not in the past (a day of tolerance), at most three years ahead', () => {
    const at = (ms: number) => new Date(Date.now() + ms).toISOString();
    const DAY = 24 * 3600 * 1000;
    expect(followUpAtSchema.safeParse(at(-3600 * 1000)).success).toBe(true);
    expect(followUpAtSchema.safeParse(at(-2 * DAY)).success).toBe(false);
    expect(followUpAtSchema.safeParse(at(2 * 365 * DAY)).success).toBe(true);
    expect(followUpAtSchema.safeParse(at(4 * 366 * DAY)).success).toBe(false);
  });
});
