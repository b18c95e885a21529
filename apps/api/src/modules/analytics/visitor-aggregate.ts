import { describeHeat, heatRank, heatScore, type RadarItemType, type VisitEventType } from '@fenji/shared';
import type { VisitorStatEntity } from './visitor-stat.entity';

/** What one visit event adds to the radar (before ids, scope and labels are attached). */
export interface RadarDraft {
  type: RadarItemType;
  visitNumber: number;
  dwellSeconds: number | null;
  readPercent: number | null;
  reshareVisitors: number | null;
  heat: number;
  heatReason: string;
}

export interface AggregateEvent {
  type: VisitEventType;
  value: number | null;
  at: Date;
  shareId: string;
  contentId: string;
}

/** A visitor's first row for a staff member, before their first event is applied. */
export function newVisitorStat(id: string, staffId: string, branchId: string | null, visitorId: string, e: AggregateEvent): VisitorStatEntity {
  return {
    id,
    staffId,
    branchId,
    visitorId,
    views: 0,
    dwellSeconds: 0,
    maxReadPercent: 0,
    reshares: 0,
    reshareVisitors: 0,
    viewDwell: 0,
    viewRead: 0,
    heat: 0,
    heatRank: 0,
    heatReason: '',
    lastShareId: e.shareId,
    lastContentId: e.contentId,
    firstSeenAt: e.at,
    lastSeenAt: e.at,
  };
}

/** Recomputes the row's heat, its words and its sort key after a change seen at `at`. */
export function refreshHeat(stat: VisitorStatEntity, at: Date): void {
  const factors = { views: stat.views, totalDwellSeconds: stat.dwellSeconds, maxReadPercent: stat.maxReadPercent, reshares: stat.reshares, reshareVisitors: stat.reshareVisitors };
  stat.heat = heatScore(factors);
  stat.heatReason = describeHeat(factors).slice(0, 200);
  if (at.getTime() >= stat.lastSeenAt.getTime()) stat.lastSeenAt = at;
  stat.heatRank = heatRank(stat.heat, stat.lastSeenAt.getTime());
}

const clampPercent = (v: number | null) => Math.max(0, Math.min(100, Math.round(v ?? 0)));

/**
 * Applies one visit event to the visitor's row (in place) and says what the radar shows for it, if anything.
 * Dwell and read-depth beacons carry running totals of the current page view (sent when the page is hidden, only
 * when they grew), so a view starts them again and only growth counts. Read depth alone makes no radar line: it
 * rides on the dwell line of the same view.
 */
export function applyVisitEvent(stat: VisitorStatEntity, e: AggregateEvent): RadarDraft | null {
  let draft: Omit<RadarDraft, 'heat' | 'heatReason' | 'visitNumber'> | null = null;
  switch (e.type) {
    case 'view':
      stat.views += 1;
      stat.viewDwell = 0;
      stat.viewRead = 0;
      draft = { type: 'view', dwellSeconds: null, readPercent: null, reshareVisitors: null };
      break;
    case 'dwell': {
      const seconds = Math.max(0, Math.round(e.value ?? 0));
      const grew = seconds - stat.viewDwell;
      if (grew <= 0) break;
      stat.dwellSeconds += grew;
      stat.viewDwell = seconds;
      draft = { type: 'dwell', dwellSeconds: seconds, readPercent: stat.viewRead > 0 ? stat.viewRead : null, reshareVisitors: null };
      break;
    }
    case 'read_depth': {
      const percent = clampPercent(e.value);
      stat.viewRead = Math.max(stat.viewRead, percent);
      stat.maxReadPercent = Math.max(stat.maxReadPercent, percent);
      break;
    }
    case 'form_open':
      draft = { type: 'form_open', dwellSeconds: null, readPercent: null, reshareVisitors: null };
      break;
    case 'reshare':
      stat.reshares += 1;
      draft = { type: 'reshare', dwellSeconds: null, readPercent: null, reshareVisitors: stat.reshareVisitors };
      break;
  }
  stat.lastShareId = e.shareId;
  stat.lastContentId = e.contentId;
  refreshHeat(stat, e.at);
  return draft ? { ...draft, visitNumber: Math.max(1, stat.views), heat: stat.heat, heatReason: stat.heatReason } : null;
}

/**
 * A batch in the order to apply it: by id (time), except that a read-depth beacon sent together with a dwell beacon
 * of the same visitor and share goes first, so the dwell line can say how far they read.
 */
export function inApplyOrder<T extends { id: string; type: VisitEventType; visitorId: string; shareId: string }>(events: T[]): T[] {
  const sorted = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (a.type === 'dwell' && b.type === 'read_depth' && a.visitorId === b.visitorId && a.shareId === b.shareId) {
      sorted[i] = b;
      sorted[i + 1] = a;
      i++;
    }
  }
  return sorted;
}
