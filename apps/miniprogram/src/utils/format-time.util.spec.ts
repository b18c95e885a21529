import { formatDate, formatDateTime, formatTime } from './format-time.util';

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

describe('formatDateTime / formatDate', () => {
  it('gives the full local date and time', () => {
    expect(formatDateTime(new Date(2026, 11, 2, 9, 5).toISOString())).toBe('2026-12-02 09:05');
    expect(formatDate(new Date(2027, 0, 9, 23, 0))).toBe('2027-01-09');
  });

  it('is empty for a missing or malformed time', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('soon')).toBe('');
  });
});
