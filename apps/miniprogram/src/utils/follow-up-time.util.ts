/** Next follow-up times: a few one-tap choices and the custom picker's bounds, all in the phone's local time. */

const pad = (n: number): string => String(n).padStart(2, '0');
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DAY_MS = 24 * 60 * 60 * 1000;
/** The picker's minute column steps by this much. */
export const MINUTE_STEP = 5;

const at = (base: Date, dayOffset: number, hour: number, minute = 0): Date =>
  new Date(base.getFullYear(), base.getMonth(), base.getDate() + dayOffset, hour, minute);

export interface FollowUpPreset {
  label: string;
  at: Date;
}

/**
 * One-tap choices that are all in the future: 今天 18:00 (only before 17:00), 明天 10:00, 3 天后 10:00 and
 * 下周一 10:00 (skipped when that is tomorrow or in 3 days).
 */
export function followUpPresets(now: Date): FollowUpPreset[] {
  const presets: FollowUpPreset[] = [];
  if (now.getHours() < 17) presets.push({ label: '今天 18:00', at: at(now, 0, 18) });
  presets.push({ label: '明天 10:00', at: at(now, 1, 10) });
  presets.push({ label: '3 天后 10:00', at: at(now, 3, 10) });
  const toMonday = ((8 - now.getDay()) % 7) || 7;
  if (toMonday !== 1 && toMonday !== 3) presets.push({ label: '下周一 10:00', at: at(now, toMonday, 10) });
  return presets;
}

/** The custom picker runs from the next 5-minute mark after now to one year ahead (so its year column has two years at most). */
export function pickerBounds(now: Date): { start: Date; end: Date } {
  const start = new Date(now.getTime());
  start.setSeconds(0, 0);
  start.setMinutes(Math.floor(start.getMinutes() / MINUTE_STEP) * MINUTE_STEP + MINUTE_STEP);
  const end = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate(), 23, 55);
  return { start, end };
}

/** The picker's `['2026', '11', '30', '10', '05']` as a local Date; null when malformed. */
export function dateFromPicker(values: ReadonlyArray<string | number | null | undefined>): Date | null {
  const [y, mo, d, h, mi] = values.map((v) => (v === null || v === undefined || v === '' ? Number.NaN : Number(v)));
  if ([y, mo, d, h, mi].some((n) => !Number.isInteger(n))) return null;
  const date = new Date(y, mo - 1, d, h, mi);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `今天 18:00`, `明天 10:00`, `12-03 周三 10:00`, `2027-01-05 周二 10:00`. */
export function formatFollowUpTime(date: Date, now: Date): string {
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const startOfToday = at(now, 0, 0).getTime();
  const t = date.getTime();
  if (t >= startOfToday && t < startOfToday + DAY_MS) return `今天 ${hm}`;
  if (t >= startOfToday + DAY_MS && t < startOfToday + 2 * DAY_MS) return `明天 ${hm}`;
  const md = `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const day = date.getFullYear() === now.getFullYear() ? md : `${date.getFullYear()}-${md}`;
  return `${day} ${WEEKDAYS[date.getDay()]} ${hm}`;
}

/** How a due follow-up reads in a list: `逾期 2 天`, `今天 15:00 到期`, `明天 10:00`. */
export function describeDue(iso: string, now: Date): { text: string; overdue: boolean } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { text: '', overdue: false };
  if (date.getTime() < now.getTime()) {
    const days = Math.floor((at(now, 0, 0).getTime() - at(date, 0, 0).getTime()) / DAY_MS);
    return { text: days >= 1 ? `逾期 ${days} 天` : `已到时间 ${pad(date.getHours())}:${pad(date.getMinutes())}`, overdue: true };
  }
  return { text: `${formatFollowUpTime(date, now)} 跟进`, overdue: false };
}
