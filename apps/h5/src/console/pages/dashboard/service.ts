import {
  API,
  toQueryString,
  type ActivityResponse,
  type ChainDepthResponse,
  type ContentPerformanceResponse,
  type Funnel,
  type LeaderboardDimension,
  type LeaderboardMetric,
  type LeaderboardResponse,
  type ResharersResponse,
  type StatsQuery,
  type TrendResponse,
} from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

/** 数据看板's calls: one per module, all scoped by the same period, branch, staff member and content. */
export const statsKeys = {
  all: ['stats'] as const,
  of: (name: string, query: unknown) => ['stats', name, query] as const,
};

const q = (query: object) => toQueryString(query as Record<string, string | number | undefined>);

export const fetchFunnel = (api: ApiClient, query: StatsQuery) => api.get<Funnel>(API.statsFunnel + q(query));
export const fetchTrend = (api: ApiClient, query: StatsQuery) => api.get<TrendResponse>(API.statsTrend + q(query));
export const fetchLeaderboard = (api: ApiClient, query: StatsQuery, by: LeaderboardDimension, metric: LeaderboardMetric) =>
  api.get<LeaderboardResponse>(API.statsLeaderboard + q({ ...query, by, metric, limit: 10 }));
export const fetchContentPerformance = (api: ApiClient, query: StatsQuery) =>
  api.get<ContentPerformanceResponse>(API.statsContents + q({ ...query, contentId: undefined, sort: 'leads', limit: 10 }));
export const fetchChainDepth = (api: ApiClient, query: StatsQuery) => api.get<ChainDepthResponse>(API.statsChainDepth + q(query));
export const fetchResharers = (api: ApiClient, query: StatsQuery) => api.get<ResharersResponse>(API.statsResharers + q({ ...query, limit: 10 }));
export const fetchActivity = (api: ApiClient) => api.get<ActivityResponse>(API.statsActivity + q({ limit: 20 }));
