const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A timestamp for a list row, in the phone's local time: `14:05` today, `昨天 14:05`, `11-03 14:05` this year,
 * `2025-11-03` before. Empty for a missing or malformed value.
 */
export function formatTime(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const hm = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const dayMs = 24 * 60 * 60 * 1000;
  if (at.getTime() >= startOfToday && at.getTime() < startOfToday + dayMs) return hm;
  if (at.getTime() >= startOfToday - dayMs && at.getTime() < startOfToday) return `昨天 ${hm}`;
  if (at.getFullYear() === now.getFullYear()) return `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${hm}`;
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A full local timestamp, `2026-11-03 14:05`, for deadlines (保护期至, 回收时间). Empty for a missing or malformed value. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${formatDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A local calendar day, `2026-11-03`, as a date Picker takes and gives it. */
export function formatDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
