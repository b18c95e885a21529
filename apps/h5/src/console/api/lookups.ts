import { useQuery } from '@tanstack/react-query';
import {
  API,
  toQueryString,
  type Branch,
  type BranchSummary,
  type Content,
  type LeadTagListResponse,
  type SessionUser,
  type Staff,
} from '@fenji/shared';
import { useApi } from './api-context';

/**
 * Lists many screens pick from (branches, staff, contents, tags) and the signed-in user's profile: one query key
 * each, so every screen shares one request and one cache entry.
 */
export const LOOKUP_KEYS = {
  me: ['me'] as const,
  branches: ['branches'] as const,
  staff: ['staff'] as const,
  contentOptions: ['contents', 'options'] as const,
  tags: ['tags'] as const,
};

export function useMe() {
  const api = useApi();
  return useQuery({ queryKey: LOOKUP_KEYS.me, queryFn: () => api.get<SessionUser>(API.me), staleTime: 5 * 60_000 });
}

/** Branches, with staff and lead counts when the API gives them (`withCounts=1`). */
export function useBranches() {
  const api = useApi();
  return useQuery({
    queryKey: LOOKUP_KEYS.branches,
    queryFn: () => api.get<Array<Branch & Partial<Pick<BranchSummary, 'staffCount' | 'activeStaffCount' | 'leadCount'>>>>(API.branches + toQueryString({ withCounts: 1 })),
    staleTime: LOOKUP_STALE_MS,
  });
}

/** The caller's staff list (a branch manager's is their branch). */
export function useStaffList(enabled = true) {
  const api = useApi();
  return useQuery({ queryKey: LOOKUP_KEYS.staff, queryFn: () => api.get<Staff[]>(API.staff), enabled, staleTime: LOOKUP_STALE_MS });
}

/** Every content, drafts included, for filters and pickers. */
export function useContentOptions() {
  const api = useApi();
  return useQuery({ queryKey: LOOKUP_KEYS.contentOptions, queryFn: () => api.get<Content[]>(API.contents + toQueryString({ all: '1' })), staleTime: LOOKUP_STALE_MS });
}

export function useTags() {
  const api = useApi();
  return useQuery({ queryKey: LOOKUP_KEYS.tags, queryFn: () => api.get<LeadTagListResponse>(API.tags), staleTime: LOOKUP_STALE_MS });
}

/** Branches, staff, contents and tags change rarely: reused for a minute across screens. */
const LOOKUP_STALE_MS = 60_000;

/** id → name. */
export function namesById<T extends { id: string; name: string }>(items: readonly T[] | undefined): Map<string, string> {
  return new Map((items ?? []).map((i) => [i.id, i.name]));
}
