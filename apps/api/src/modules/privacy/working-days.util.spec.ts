import { dueDateAfter, workingDaysUntil } from './working-days.util';

describe('the 15 working days of a rights request', () => {
  it('counts Monday to Friday from the day after the request, China time', () => {
    // Monday 2026-11-30 10:00 in China → 15 working days → Monday 2026-12-21.
    expect(dueDateAfter(new Date('2026-11-30T02:00:00Z'), 15)).toBe('2026-12-21');
    // Friday 23:30 China time is still Friday there (15:30 UTC).
    expect(dueDateAfter(new Date('2026-12-04T15:30:00Z'), 1)).toBe('2026-12-07');
    // Saturday 00:30 China time (Friday 16:30 UTC) is a weekend day: the count starts on Monday.
    expect(dueDateAfter(new Date('2026-12-04T16:30:00Z'), 1)).toBe('2026-12-07');
  });

  it('tells the working days left, 0 on the day, negative when overdue', () => {
    expect(workingDaysUntil(new Date('2026-11-30T02:00:00Z'), '2026-12-21')).toBe(15);
    expect(workingDaysUntil(new Date('2026-12-21T09:00:00Z'), '2026-12-21')).toBe(0);
    expect(workingDaysUntil(new Date('2026-12-23T02:00:00Z'), '2026-12-21')).toBe(-2);
    expect(workingDaysUntil(new Date('2026-12-19T02:00:00Z'), '2026-12-21')).toBe(1); // Saturday → Monday
  });
});
