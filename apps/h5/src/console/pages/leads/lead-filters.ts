import { API, LEAD_POOLS, LEAD_STATUSES, toQueryString, type LeadListQuery } from '@fenji/shared';

/** The lead pool's filters, as they appear in the URL hash (`#/leads?status=new&from=2026-11-01`). */
export type LeadFilterKey = keyof Omit<LeadListQuery, 'cursor' | 'limit'>;
export type LeadFilters = Partial<Record<LeadFilterKey, string>>;

export const LEAD_FILTER_KEYS: readonly LeadFilterKey[] = ['status', 'pool', 'branchId', 'ownerStaffId', 'q', 'from', 'to'];
export const LEAD_PAGE_SIZE = 50;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ALLOWED: Partial<Record<LeadFilterKey, (value: string) => boolean>> = {
  status: (v) => (LEAD_STATUSES as readonly string[]).includes(v),
  pool: (v) => (LEAD_POOLS as readonly string[]).includes(v),
  from: (v) => DAY.test(v),
  to: (v) => DAY.test(v),
};

/** Filters from the hash's params; unknown or malformed values are dropped. */
export function filtersFromParams(params: URLSearchParams): LeadFilters {
  const filters: LeadFilters = {};
  for (const key of LEAD_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value && (ALLOWED[key]?.(value) ?? true)) filters[key] = value;
  }
  return filters;
}

/** Filters in a fixed key order, so a view has one URL. */
export function filtersToParams(filters: LeadFilters): Record<string, string | undefined> {
  return Object.fromEntries(LEAD_FILTER_KEYS.map((key) => [key, filters[key] || undefined]));
}

/** A local calendar day's start (from) or end (to), as an ISO instant for the API. */
function dayBoundary(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return date.toISOString();
}

/** `GET /api/leads?…` for these filters and page. */
export function leadListUrl(filters: LeadFilters, cursor?: string | null): string {
  return (
    API.leads +
    toQueryString({
      status: filters.status,
      ownerStaffId: filters.ownerStaffId,
      branchId: filters.branchId,
      pool: filters.pool,
      q: filters.q,
      from: filters.from ? dayBoundary(filters.from, false) : undefined,
      to: filters.to ? dayBoundary(filters.to, true) : undefined,
      cursor,
      limit: LEAD_PAGE_SIZE,
    })
  );
}
