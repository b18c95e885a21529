import { z } from 'zod';

/**
 * Dates the API takes: ISO-8601 with a four-digit year, either a day (`2026-11-30`) or a time with its zone
 * (`2026-11-30T09:00:00Z`, `2026-11-30T17:00:00.000+08:00`). No expanded years (`+275760-…`, `-000001-…`),
 * no other notations, no impossible days (`2026-02-30`), and each use adds a range it accepts.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/** Milliseconds since the epoch of a strict ISO-8601 string, or null when it is not one (or not a real day). */
export function parseIsoDate(value: string): number | null {
  const m = ISO_8601.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', zh = '0', zm = '0'] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(zh) > 14 || Number(zm) > 59) return null;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCDate() !== Number(d) || day.getUTCMonth() !== Number(mo) - 1) return null;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : ms;
}

const DAY_MS = 24 * 3600 * 1000;
/** The earliest and latest instants any date filter may name. */
export const DATE_FILTER_MIN = Date.UTC(2000, 0, 1);
export const DATE_FILTER_MAX = Date.UTC(2100, 0, 1);
/** A follow-up may be planned up to this far ahead, and this far back (today's 09:00 picked in the afternoon, clock skew). */
export const FOLLOW_UP_MAX_AHEAD_MS = 3 * 366 * DAY_MS;
export const FOLLOW_UP_PAST_TOLERANCE_MS = DAY_MS;

/** A strict ISO-8601 date between `min` and `max` (functions of now, evaluated when the value is checked). */
export function isoDateSchema(range: { min: () => number; max: () => number; tooEarly: string; tooLate: string }, invalid = '时间格式不正确') {
  return z.string({ error: invalid }).superRefine((value, ctx) => {
    const ms = parseIsoDate(value);
    if (ms === null) ctx.addIssue({ code: 'custom', message: invalid });
    else if (ms < range.min()) ctx.addIssue({ code: 'custom', message: range.tooEarly });
    else if (ms > range.max()) ctx.addIssue({ code: 'custom', message: range.tooLate });
  });
}

/** `from`/`to` of lists and statistics: 2000 to 2100. */
export const dateFilterSchema = isoDateSchema({ min: () => DATE_FILTER_MIN, max: () => DATE_FILTER_MAX, tooEarly: '时间不能早于 2000 年', tooLate: '时间不能晚于 2100 年' });

/** When to follow up next: not in the past (a day of tolerance), at most three years ahead. */
export const followUpAtSchema = isoDateSchema(
  {
    min: () => Date.now() - FOLLOW_UP_PAST_TOLERANCE_MS,
    max: () => Date.now() + FOLLOW_UP_MAX_AHEAD_MS,
    tooEarly: '下次跟进时间不能早于今天',
    tooLate: '下次跟进时间最多三年以内',
  },
  '下次跟进时间格式不正确',
);
