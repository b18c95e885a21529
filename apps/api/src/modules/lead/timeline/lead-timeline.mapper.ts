import { LABELS, POOL_LABELS, type TimelineEntry } from '@fenji/shared';
import type { ShareEntity } from '../../share/share.entity';
import type { VisitEventEntity } from '../../visit/visit-event.entity';
import type { FollowUpEntity } from '../follow-up/follow-up.entity';
import type { LeadStatusChangeEntity } from '../follow-up/lead-status-change.entity';
import type { TouchEntity } from '../intake/touch.entity';
import type { LeadEntity } from '../lead.entity';
import { isoOrNull, type Names } from '../lead.mapper';
import type { OwnershipChangeEntity } from '../pool/ownership-change.entity';

/** Everything that happened to a lead, as read, with the names and shares it mentions. */
export interface TimelineSources {
  lead: Pick<LeadEntity, 'ownerStaffId'>;
  touches: TouchEntity[];
  changes: OwnershipChangeEntity[];
  followUps: FollowUpEntity[];
  statusChanges: LeadStatusChangeEntity[];
  visits: VisitEventEntity[];
  shares: Map<string, ShareEntity>;
  contentTitles: Map<string, string>;
  names: Names;
}

/** The staff ids a timeline mentions, so their names can be read in one query. */
export function timelineStaffIds(s: Omit<TimelineSources, 'shares' | 'contentTitles' | 'names'>): Array<string | null> {
  return [
    s.lead.ownerStaffId,
    ...s.touches.map((t) => t.staffId),
    ...s.changes.flatMap((c) => [c.toStaffId, c.fromStaffId, c.actorStaffId]),
    ...s.visits.map((v) => v.staffId),
    ...s.followUps.map((f) => f.staffId),
    ...s.statusChanges.map((c) => c.actorStaffId),
  ];
}

/** The share ids a timeline mentions. */
export function timelineShareIds(s: Pick<TimelineSources, 'touches' | 'changes' | 'visits'>): string[] {
  return [...new Set([...s.touches.map((t) => t.shareId), ...s.visits.map((v) => v.shareId), ...s.changes.map((c) => c.shareId ?? '')].filter(Boolean))];
}

/** The lead's timeline, oldest first, every entry told in Chinese with names (never ids) for the person reading it. */
export function toTimeline(s: TimelineSources): TimelineEntry[] {
  const { shares, contentTitles, names } = s;
  const entry = (kind: TimelineEntry['kind'], at: Date, staffId: string | null, shareId: string | null, summary: string): TimelineEntry => {
    const share = shareId ? shares.get(shareId) : undefined;
    return {
      kind,
      at: at.toISOString(),
      staffId,
      staffName: staffId ? (names.get(staffId) ?? null) : null,
      shareCode: share?.code ?? null,
      channel: share?.channel ?? null,
      contentTitle: share ? (contentTitles.get(share.contentId ?? '') ?? null) : null,
      summary,
    };
  };
  const nextDay = (at: Date | null) => {
    const iso = isoOrNull(at); // a bad stored date is left out, never a 500
    return iso ? `（下次跟进 ${iso.slice(0, 10)}）` : '';
  };
  const who = (id: string | null) => (id ? (names.get(id) ?? '已删除员工') : '公海');
  const via = (shareId: string | null) => {
    const share = shareId ? shares.get(shareId) : undefined;
    if (!share) return '';
    const title = contentTitles.get(share.contentId ?? '');
    return `${share.depth > 0 ? `客户转发（第 ${share.depth} 层）的` : `${LABELS.channel[share.channel]}分享的`}${title ? `《${title}》` : ''}`;
  };
  return [
    ...s.touches.map((t) =>
      t.collision
        ? entry('collision', t.createdAt, t.staffId, t.shareId, `撞单：${who(t.staffId)} 的分享触达了保护期内的线索，归属仍为 ${who(s.lead.ownerStaffId)}`)
        : entry('submission', t.createdAt, t.staffId, t.shareId, `通过${via(t.shareId)}留资${t.message ? `：${t.message}` : ''}`),
    ),
    ...s.changes.map((c) =>
      entry(
        'ownership',
        c.createdAt,
        c.toStaffId,
        c.shareId,
        c.rule === 'first_touch'
          ? `归属 ${who(c.toStaffId)}：首次触达（线索由其${via(c.shareId) || '分享'}带来）`
          : `归属由 ${who(c.fromStaffId)} 变为 ${who(c.toStaffId)}：${POOL_LABELS.ownershipRule[c.rule]}${c.rule.endsWith('_touch') && via(c.shareId) ? `（${via(c.shareId)}）` : ''}${c.actorStaffId ? `，操作人 ${who(c.actorStaffId)}` : ''}${c.reason ? `，原因：${c.reason}` : ''}`,
      ),
    ),
    ...s.followUps.map((f) => entry('follow_up', f.createdAt, f.staffId, null, `${who(f.staffId)} ${POOL_LABELS.followUpMethod[f.method]}跟进：${f.note}${nextDay(f.nextAt)}`)),
    ...s.statusChanges.map((c) =>
      entry('status', c.createdAt, c.actorStaffId, null, `${who(c.actorStaffId)} 将状态从「${LABELS.leadStatus[c.fromStatus]}」改为「${LABELS.leadStatus[c.toStatus]}」${c.reason ? `：${c.reason}` : ''}`),
    ),
    ...s.visits.map((v) => entry('visit', v.createdAt, v.staffId, v.shareId, v.type === 'view' ? `浏览了${via(v.shareId)}页面` : `${v.type}${v.value !== null ? ` ${v.value}` : ''}`)),
  ].sort((a, b) => a.at.localeCompare(b.at));
}
