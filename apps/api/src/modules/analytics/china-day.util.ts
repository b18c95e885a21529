const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** The China-time calendar day of an instant, 'YYYY-MM-DD' (the roll-ups' and the dashboards' day). */
export function chinaDay(at: Date | number): string {
  return new Date(new Date(at).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight China time starting `day`, as an instant. */
export function chinaDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CHINA_OFFSET_MS);
}

/** Every day from `from` to `to`, both included (at most `max`). */
export function daysBetween(from: string, to: string, max = 366): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00.000Z`), end = Date.parse(`${to}T00:00:00.000Z`); t <= end && out.length < max; t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Share-chain depths from this one up are counted together (`orDeeper`). */
export const MAX_DEPTH = 5;
export const depthBucket = (depth: number): number => Math.min(MAX_DEPTH, Math.max(0, depth));
