import {
  API,
  toQueryString,
  type CollisionState,
  type CollisionView,
  type CollisionViewListResponse,
  type ResolveCollisionRequest,
} from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

export const collisionKeys = { all: ['collisions'] as const };

export function fetchCollisionPage(api: ApiClient, state: CollisionState | undefined, cursor: string | null, limit: number) {
  return api.get<CollisionViewListResponse>(API.collisions + toQueryString({ state, cursor, limit }));
}

export const resolveCollision = (api: ApiClient, id: string, body: ResolveCollisionRequest) => api.post<CollisionView>(API.collisionResolve(id), body);
