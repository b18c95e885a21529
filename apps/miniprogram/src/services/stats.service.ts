import { API, myStatsSchema, type MyStats, type MyStatsDays } from '@fenji/shared';
import { request } from './request';

/** My shares, views, visitors, leads, conversions and rank over today / 7 / 30 days. */
export function getMyStats(days: MyStatsDays): Promise<MyStats> {
  return request(API.myStats, { query: { days }, schema: myStatsSchema, toast: false });
}
