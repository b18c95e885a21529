import dayjs from 'dayjs';
import {
  LABELS,
  LEAD_QUERY_LABELS,
  LEAD_SORTS,
  leadFilterSchema,
  type LeadFilter,
  type LeadSort,
} from '@fenji/shared';

/**
 * The lead pool's view lives in the URL's query string (`/console/leads?status=new&from=2026-11-01&sort=heat_desc`),
 * so a view can be bookmarked, shared and reloaded. Dates are calendar days in the URL and local day
 * boundaries (ISO instants) for the API.
 */
export type LeadListMode = 'all' | 'public';

/** The filters as the URL holds them: every value a string, dates as YYYY-MM-DD. */
export type LeadUrlFilters = Partial<Record<keyof LeadFilter, string>>;

export const URL_FILTER_KEYS = [
  'q',
  'status',
  'pool',
  'branchId',
  'ownerStaffId',
  'heat',
  'contentId',
  'channel',
  'tagId',
  'overdue',
  'from',
  'to',
  'touchFrom',
  'touchTo',
] as const satisfies readonly (keyof LeadFilter)[];

const DAY_KEYS = new Set<keyof LeadFilter>(['from', 'to', 'touchFrom', 'touchTo']);
const END_OF_DAY = new Set<keyof LeadFilter>(['to', 'touchTo']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters the public pool fixes: it is pool=public, and nobody owns its leads. */
const FIXED_IN_PUBLIC = new Set<keyof LeadFilter>(['pool', 'ownerStaffId']);

export const DEFAULT_SORT: LeadSort = 'created_desc';

/** A day's local start (from) or end (to) as an ISO instant. */
export function dayBoundary(day: string, end: boolean): string {
  const d = dayjs(day, 'YYYY-MM-DD');
  return (end ? d.endOf('day') : d.startOf('day')).toDate().toISOString();
}

function toApiValue(key: keyof LeadFilter, value: string): string {
  return DAY_KEYS.has(key) ? dayBoundary(value, END_OF_DAY.has(key)) : value;
}

/** Filters from the URL; unknown or malformed values are dropped (each checked by the shared filter schema). */
export function filtersFromSearch(params: URLSearchParams, mode: LeadListMode = 'all'): LeadUrlFilters {
  const filters: LeadUrlFilters = {};
  for (const key of URL_FILTER_KEYS) {
    if (mode === 'public' && FIXED_IN_PUBLIC.has(key)) continue;
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (DAY_KEYS.has(key) && !DAY.test(value)) continue;
    const single = leadFilterSchema.shape[key].safeParse(toApiValue(key, value));
    if (single.success) filters[key] = value;
  }
  return filters;
}

export function sortFromSearch(params: URLSearchParams): LeadSort {
  const sort = params.get('sort');
  return (LEAD_SORTS as readonly string[]).includes(sort ?? '') ? (sort as LeadSort) : DEFAULT_SORT;
}

/** The URL query for a view, keys in a fixed order so one view has one URL. */
export function toSearch(filters: LeadUrlFilters, sort: LeadSort): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of URL_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  return params;
}

/** The API's filter object for a view (the list, the export and a bulk action all send this). */
export function toApiFilter(filters: LeadUrlFilters, mode: LeadListMode = 'all'): LeadFilter {
  const out: Record<string, string> = {};
  for (const key of URL_FILTER_KEYS) {
    const value = filters[key];
    if (value) out[key] = toApiValue(key, value);
  }
  if (mode === 'public') {
    out.pool = 'public';
    delete out.ownerStaffId;
  }
  return leadFilterSchema.parse(out);
}

export interface FilterNames {
  branches: Map<string, string>;
  staff: Map<string, string>;
  contents: Map<string, string>;
  tags: Map<string, string>;
}

/** The view in words, for confirmations: "状态：新线索；门店：南山店；创建于 2026-11-01 至 2026-11-30". */
export function describeFilters(filters: LeadUrlFilters, names: FilterNames, mode: LeadListMode = 'all'): string {
  const parts: string[] = [];
  if (mode === 'public') parts.push('公海');
  if (filters.q) parts.push(`搜索“${filters.q}”`);
  if (filters.status) parts.push(`状态：${LABELS.leadStatus[filters.status as keyof typeof LABELS.leadStatus]}`);
  if (filters.pool) parts.push(LABELS.pool[filters.pool as keyof typeof LABELS.pool]);
  if (filters.branchId) parts.push(`门店：${names.branches.get(filters.branchId) ?? '所选门店'}`);
  if (filters.ownerStaffId) parts.push(`归属：${names.staff.get(filters.ownerStaffId) ?? '所选员工'}`);
  if (filters.heat) parts.push(`热度：${LEAD_QUERY_LABELS.heat[filters.heat as keyof typeof LEAD_QUERY_LABELS.heat]}`);
  if (filters.contentId) parts.push(`内容：《${names.contents.get(filters.contentId) ?? '所选内容'}》`);
  if (filters.channel) parts.push(`渠道：${LABELS.channel[filters.channel as keyof typeof LABELS.channel]}`);
  if (filters.tagId) parts.push(`标签：${names.tags.get(filters.tagId) ?? '所选标签'}`);
  if (filters.overdue) parts.push('跟进逾期');
  if (filters.from || filters.to) parts.push(`创建于 ${filters.from ?? '最早'} 至 ${filters.to ?? '今天'}`);
  if (filters.touchFrom || filters.touchTo) parts.push(`最近触达于 ${filters.touchFrom ?? '最早'} 至 ${filters.touchTo ?? '今天'}`);
  return parts.length ? parts.join('；') : '全部线索';
}
