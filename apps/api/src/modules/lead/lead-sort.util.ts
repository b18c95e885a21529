import type { LeadSort } from '@fenji/shared';
import type { LeadEntity } from './lead.entity';

/**
 * The orders of the lead list and their keyset: every order is (sort value, id), so a page starts strictly after
 * the last row of the previous one whatever the order, and a deep page costs what the first one does.
 */
export interface SortSpec {
  /** The lead's property and column sorted by; `id` for the creation orders (ids are ULIDs). */
  property: 'id' | 'lastTouchAt' | 'nextFollowUpAt' | 'heat';
  direction: 'ASC' | 'DESC';
  /** Rows without a value (null) come after every row with one. */
  nullsLast: boolean;
}

export const SORT_SPECS: Record<LeadSort, SortSpec> = {
  created_desc: { property: 'id', direction: 'DESC', nullsLast: false },
  created_asc: { property: 'id', direction: 'ASC', nullsLast: false },
  last_touch_desc: { property: 'lastTouchAt', direction: 'DESC', nullsLast: false },
  last_touch_asc: { property: 'lastTouchAt', direction: 'ASC', nullsLast: false },
  heat_desc: { property: 'heat', direction: 'DESC', nullsLast: true },
  heat_asc: { property: 'heat', direction: 'ASC', nullsLast: true },
  next_follow_up_asc: { property: 'nextFollowUpAt', direction: 'ASC', nullsLast: true },
};

/** Where a page starts: after the row with this sort value (ISO time, number or null) and id. */
export interface KeysetAfter {
  value: string | number | null;
  id: string;
}

const ID = /^[0-9A-Z]{26}$/;

/** The sort value of a row as a cursor keeps it. */
export function sortValueOf(lead: LeadEntity, spec: SortSpec): string | number | null {
  if (spec.property === 'id') return null;
  const value = (lead as unknown as Record<string, unknown>)[spec.property];
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'number' ? value : null;
}

/** Opaque cursor: the sort it belongs to, the last row's sort value and id. */
export function encodeLeadCursor(sort: LeadSort, lead: LeadEntity): string {
  const spec = SORT_SPECS[sort];
  return Buffer.from(JSON.stringify({ s: sort, v: sortValueOf(lead, spec), i: lead.id })).toString('base64url');
}

/** The keyset of a cursor, or null when it is not one of ours or belongs to another sort. */
export function decodeLeadCursor(cursor: string, sort: LeadSort): KeysetAfter | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== 'object') return null;
  const { s, v, i } = parsed as Record<string, unknown>;
  if (s !== sort || typeof i !== 'string' || !ID.test(i)) return null;
  const spec = SORT_SPECS[sort];
  if (spec.property === 'id') return v === null ? { value: null, id: i } : null;
  if (v === null) return spec.nullsLast ? { value: null, id: i } : null;
  if (spec.property === 'heat') return typeof v === 'number' && Number.isInteger(v) ? { value: v, id: i } : null;
  return typeof v === 'string' && v.length <= 30 && !Number.isNaN(Date.parse(v)) ? { value: v, id: i } : null;
}

/** Compares two rows in the order of `spec` (for merging pages that several index walks produced). */
export function compareLeads(a: LeadEntity, b: LeadEntity, spec: SortSpec): number {
  const sign = spec.direction === 'ASC' ? 1 : -1;
  if (spec.property !== 'id') {
    const va = sortValueOf(a, spec);
    const vb = sortValueOf(b, spec);
    if (va === null && vb !== null) return spec.nullsLast ? 1 : -sign;
    if (vb === null && va !== null) return spec.nullsLast ? -1 : sign;
    if (va !== null && vb !== null && va !== vb) return (va < vb ? -1 : 1) * sign;
  }
  return a.id === b.id ? 0 : (a.id < b.id ? -1 : 1) * sign;
}
