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


/** Points a visitor's heat loses per day without activity (recency). */
export const HEAT_DECAY_PER_DAY = 5;
const DAY = 24 * 3600 * 1000;

/**
 * Heat right after a visitor's latest event, 0–100: frequency (views, up to 30), dwell (up to 25: 5 minutes),
 * read depth (up to 20) and re-shares with the visitors they brought (up to 25).
 */
export function heatScore(f: HeatFactors): number {
  const views = Math.min(30, f.views * 10);
  const dwell = Math.min(25, Math.round(f.totalDwellSeconds / 12));
  const read = Math.round(Math.min(100, Math.max(0, f.maxReadPercent ?? 0)) / 5);
  const reshares = Math.min(25, f.reshares * 10 + (f.reshareVisitors ?? 0) * 3);
  return Math.min(100, views + dwell + read + reshares);
}

/** The heat `now`: the score at the last event less {@link HEAT_DECAY_PER_DAY} for every day since (recency). */
export function heatAt(score: number, lastSeenMs: number, nowMs: number): number {
  return Math.max(0, Math.min(100, Math.round(score - (HEAT_DECAY_PER_DAY * Math.max(0, nowMs - lastSeenMs)) / DAY)));
}

/**
 * A number whose order is the order of {@link heatAt} at any single moment (the decay is linear): stored beside the
 * score so a list sorts by today's heat through an index. Thousandths of a point.
 */
export function heatRank(score: number, lastSeenMs: number): number {
  return Math.round((score + (HEAT_DECAY_PER_DAY * lastSeenMs) / DAY) * 1000);
}
