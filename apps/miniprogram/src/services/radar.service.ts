import {
  API,
  radarListResponseSchema,
  radarVisitorListResponseSchema,
  type RadarListQuery,
  type RadarListResponse,
  type RadarVisitorListQuery,
  type RadarVisitorListResponse,
} from '@fenji/shared';
import { request } from './request';

/** 客户雷达: what visitors did on my shares, newest first (`cursor` for older, `after` to catch up after a gap). */
export function listRadar(query: RadarListQuery): Promise<RadarListResponse> {
  return request(API.radar, { query: { ...query }, schema: radarListResponseSchema, toast: false });
}

/** The visitors of my shares with their heat, hottest first by default. */
export function listRadarVisitors(query: RadarVisitorListQuery): Promise<RadarVisitorListResponse> {
  return request(API.radarVisitors, { query: { ...query }, schema: radarVisitorListResponseSchema, toast: false });
}
