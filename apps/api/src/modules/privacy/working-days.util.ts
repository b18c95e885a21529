/** China time: a request's day and its deadline are counted in UTC+8 (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY = 24 * 3600 * 1000;

const chinaDay = (at: Date) => new Date(Math.floor((at.getTime() + CHINA_OFFSET_MS) / DAY) * DAY);
const isWeekend = (day: Date) => day.getUTCDay() === 0 || day.getUTCDay() === 6;
const ymd = (day: Date) => day.toISOString().slice(0, 10);

/**
 * The last day (China time, YYYY-MM-DD) of `workingDays` working days after the day of `at`: Monday to Friday.
 * Public holidays and their make-up working days are not known here, so the deadline errs early, never late.
 */
export function dueDateAfter(at: Date, workingDays: number): string {
  let day = chinaDay(at);
  for (let left = workingDays; left > 0; ) {
    day = new Date(day.getTime() + DAY);
    if (!isWeekend(day)) left--;
  }
  return ymd(day);
}

/** Working days from today (China time) until `dueDate`: 0 on the day itself, negative once it has passed. */
export function workingDaysUntil(now: Date, dueDate: string): number {
  const today = chinaDay(now);
  const due = new Date(`${dueDate}T00:00:00Z`);
  const step = due >= today ? 1 : -1;
  let count = 0;
  for (let day = today; ymd(day) !== dueDate; ) {
    day = new Date(day.getTime() + step * DAY);
    if (!isWeekend(day)) count += step;
  }
  return count;
}
