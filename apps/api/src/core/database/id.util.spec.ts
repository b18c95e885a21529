import { idFloor, newId, newVisitorId, randomBase62 } from './id.util';

describe('newId', () => {
  it('is 26 chars and sorts by creation time, also within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toHaveLength(26);
    expect(newId(1_700_000_000_001) > ids[999]).toBe(true);
  });

  it('idFloor bounds ids by time', () => {
    const t = Date.UTC(2026, 0, 1);
    const id = newId(t + 5);
    expect(id >= idFloor(new Date(t))).toBe(true);
    expect(id < idFloor(new Date(t + 6))).toBe(true);
  });
});

describe('randomBase62', () => {
  it('has the asked length and only base62 chars', () => {
    const s = randomBase62(500);
    expect(s).toMatch(/^[0-9A-Za-z]{500}$/);
    expect(new Set(s).size).toBeGreaterThan(50);
  });
});

describe('newVisitorId', () => {
  it('is 22 base62 chars, sorts by time and does not repeat', () => {
    const a = newVisitorId(1_700_000_000_000);
    const b = newVisitorId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(a.slice(0, 8) < b.slice(0, 8)).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, () => newVisitorId(1_700_000_000_000))).size).toBe(1000);
  });
});
