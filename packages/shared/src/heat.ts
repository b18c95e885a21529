/**
 * Heat (热度): a visitor's or lead's interest as a score 0–100 from recency, frequency, dwell, read depth and
 * re-shares, always shown with its reason in words. One definition for the API, the staff app and the console.
 */
/** What heat is made of, as {@link describeHeat} puts it into words. */
export interface HeatFactors {
  views: number;
  totalDwellSeconds: number;
  maxReadPercent?: number;
  reshares: number;
  /** New visitors the re-shares brought. */
  reshareVisitors?: number;
}

/** `3 次查看 · 停留 4 分钟 · 读完 80% · 转发 2 次，带来 5 人`: the reason for a heat score, in words, for people. */
export function describeHeat(f: HeatFactors): string {
  const parts: string[] = [];
  if (f.views > 0) parts.push(`${f.views} 次查看`);
  if (f.totalDwellSeconds >= 60) parts.push(`停留 ${Math.round(f.totalDwellSeconds / 60)} 分钟`);
  else if (f.totalDwellSeconds > 0) parts.push(`停留 ${f.totalDwellSeconds} 秒`);
  if (f.maxReadPercent !== undefined && f.maxReadPercent > 0) parts.push(f.maxReadPercent >= 95 ? '读完全文' : `读到 ${f.maxReadPercent}%`);
  if (f.reshares > 0) parts.push(f.reshareVisitors ? `转发 ${f.reshares} 次，带来 ${f.reshareVisitors} 人` : `转发 ${f.reshares} 次`);
  return parts.join(' · ');
}

export const HEAT_LEVELS = ['hot', 'warm', 'cold'] as const;
export type HeatLevel = (typeof HEAT_LEVELS)[number];
export const HEAT_LABELS = { hot: '高意向', warm: '有兴趣', cold: '低意向' } satisfies Record<HeatLevel, string>;

/** hot ≥ 70, warm ≥ 40, else cold. */
export function heatLevel(score: number): HeatLevel {
  if (score >= 70) return 'hot';
  if (score >= 40) return 'warm';
  return 'cold';
}

