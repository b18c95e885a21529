import type { RadarItem, RadarVisitor, ShareChannel } from '@fenji/shared';
import { heatAt } from '@fenji/shared';
import type { RadarItemEntity } from './radar-item.entity';
import { visitorLabel } from './visitor-label.util';
import type { VisitorStatEntity } from './visitor-stat.entity';

/** What a radar line or a visitor row needs besides its own row: titles, shares, and who became which lead. */
export interface RadarLookups {
  titles: Map<string, string>;
  shares: Map<string, { code: string; channel: ShareChannel; card?: boolean }>;
  /** visitor id → lead id */
  leadOfVisitor: Map<string, string>;
  /** lead id → name */
  leadNames: Map<string, string>;
}

function labelOf(visitorId: string, leadId: string | undefined, lookups: RadarLookups): string {
  return (leadId && lookups.leadNames.get(leadId)) || visitorLabel(visitorId);
}

export function toRadarItem(row: RadarItemEntity, lookups: RadarLookups): RadarItem {
  const leadId = row.leadId ?? lookups.leadOfVisitor.get(row.visitorId);
  const leadName = leadId ? lookups.leadNames.get(leadId) : undefined;
  const share = lookups.shares.get(row.shareId);
  const item: RadarItem = {
    id: row.id,
    type: row.type,
    at: row.createdAt.toISOString(),
    visitor: { id: row.visitorId, label: labelOf(row.visitorId, leadId, lookups) },
    content: { id: row.contentId, title: lookups.titles.get(row.contentId) ?? '已删除的内容' },
    shareCode: share?.code ?? '',
  };
  if (leadId && leadName) Object.assign(item, { leadId, leadName });
  if (row.dwellSeconds !== null) item.dwellSeconds = row.dwellSeconds;
  if (row.readPercent !== null) item.readPercent = row.readPercent;
  if (row.visitNumber !== null) item.visitNumber = row.visitNumber;
  if (row.heat !== null) item.heat = row.heat;
  if (row.heatReason) item.heatReason = row.heatReason;
  if (row.reshareVisitors !== null) item.reshareVisitors = row.reshareVisitors;
  if (share) item.channel = share.channel;
  if (share?.card) item.card = true;
  if (row.viaVisitorId) item.viaLabel = labelOf(row.viaVisitorId, lookups.leadOfVisitor.get(row.viaVisitorId), lookups);
  return item;
}

export function toRadarVisitor(row: VisitorStatEntity, lookups: RadarLookups, now: Date): RadarVisitor {
  const leadId = lookups.leadOfVisitor.get(row.visitorId) ?? null;
  const leadName = (leadId && lookups.leadNames.get(leadId)) || null;
  return {
    id: row.visitorId,
    label: leadName ?? visitorLabel(row.visitorId),
    leadId: leadName ? leadId : null,
    leadName,
    heat: heatAt(row.heat, row.lastSeenAt.getTime(), now.getTime()),
    heatReason: row.heatReason,
    views: row.views,
    totalDwellSeconds: row.dwellSeconds,
    maxReadPercent: row.maxReadPercent,
    reshares: row.reshares,
    reshareVisitors: row.reshareVisitors,
    lastAt: row.lastSeenAt.toISOString(),
    lastContent: { id: row.lastContentId, title: lookups.titles.get(row.lastContentId) ?? '已删除的内容' },
  };
}
