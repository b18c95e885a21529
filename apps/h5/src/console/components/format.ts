import dayjs from 'dayjs';

/** An ISO timestamp in the reader's local time, `2026-11-01 14:05`; — when absent. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '—';
}

/** For dense tables: `11-30 14:05` this year, `2025-11-30` before; — when absent. */
export function formatShortDateTime(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  if (!d.isValid()) return '—';
  return d.year() === now.getFullYear() ? d.format('MM-DD HH:mm') : d.format('YYYY-MM-DD');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD') : '—';
}

/** "刚刚", "5 分钟前", "3 小时前", then the date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return '刚刚';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} 分钟前`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} 小时前`;
  return formatDateTime(iso);
}

const NUMBER = new Intl.NumberFormat('zh-CN');
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : NUMBER.format(n);
}

/** 0.1234 → "12.3%"; null → — */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return `${(ratio * 100).toFixed(ratio >= 0.1 || ratio === 0 ? 1 : 2)}%`;
}

/** 125 → "2 分 5 秒". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${seconds} 秒`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m < 60) return s ? `${m} 分 ${s} 秒` : `${m} 分钟`;
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}

/** A count that may be an estimate: "1,204 条" or "约 1,230,000 条". */
export function formatTotal(total: { count: number; exact: boolean } | undefined): string | null {
  if (!total) return null;
  return `${total.exact ? '' : '约 '}${formatNumber(total.count)} 条`;
}

/** A readable, stable name for an anonymous visitor: `访客 3F2A` (the contract's radar label). */
export function visitorLabel(visitorId: string): string {
  return `访客 ${visitorId.replace(/[^0-9A-Za-z]/g, '').slice(-4).toUpperCase()}`;
}
