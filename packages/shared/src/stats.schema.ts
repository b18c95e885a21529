import { z } from 'zod';

/** `GET /api/stats/me?days=1|7|30`: the signed-in staff member's own results over today / 7 / 30 days (China time). */
export const MY_STATS_DAYS = [1, 7, 30] as const;
export type MyStatsDays = (typeof MY_STATS_DAYS)[number];

export const myStatsQuerySchema = z.object({
  /** 1 = today since 00:00 China time; 7 and 30 = the last 7 / 30 days including today. */
  days: z.coerce
    .number()
    .int()
    .refine((d) => (MY_STATS_DAYS as readonly number[]).includes(d), { message: 'days 只能是 1、7 或 30' }),
});
export type MyStatsQuery = z.infer<typeof myStatsQuerySchema>;

export const myStatsSchema = z.object({
  /** Shares I created (every channel, card included). */
  shares: z.number().int().min(0),
  /** Page views on my shares and their re-shares. */
  views: z.number().int().min(0),
  /** Distinct visitors among those views. */
  uniqueVisitors: z.number().int().min(0),
  /** Leads attributed to me in the period (new leads and leads that came back to me). */
  leads: z.number().int().min(0),
  /** My leads that became members (status converted) in the period. */
  converted: z.number().int().min(0),
  /** My place in my branch by leads in the period (1 = first); null when I belong to no branch. */
  rankInBranch: z.number().int().min(1).nullable(),
  /** Active staff members in my branch (0 without a branch). */
  branchSize: z.number().int().min(0),
});
export type MyStats = z.infer<typeof myStatsSchema>;
