import { formatTime } from './format-time.util';

describe('formatTime', () => {
  const now = new Date(2026, 10, 5, 15, 0); // 5 Nov 2026, 15:00 local

  it.each([
    [new Date(2026, 10, 5, 9, 7), '09:07'],
    [new Date(2026, 10, 4, 23, 59), '昨天 23:59'],
    [new Date(2026, 0, 2, 8, 30), '01-02 08:30'],
    [new Date(2025, 11, 31, 8, 30), '2025-12-31'],
  ])('%s → %s', (at, expected) => expect(formatTime(at.toISOString(), now)).toBe(expected));

  it('is empty for a missing or malformed time', () => {
    expect(formatTime(null, now)).toBe('');
    expect(formatTime('not a date', now)).toBe('');
  });
});
