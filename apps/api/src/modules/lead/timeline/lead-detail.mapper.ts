import type { LeadConsent, LeadOwnershipChange, LeadVisit } from '@fenji/shared';
import type { ShareEntity } from '../../share/share.entity';
import type { VisitEventEntity } from '../../visit/visit-event.entity';
import type { LeadEntity } from '../lead.entity';
import type { Names } from '../lead.mapper';
import type { OwnershipChangeEntity } from '../pool/ownership-change.entity';

/** Each change of owner with its rule, names and reason, oldest first. */
export function toOwnershipChanges(changes: OwnershipChangeEntity[], staffNames: Names, branchNames: Names): LeadOwnershipChange[] {
  const name = (id: string | null) => (id ? (staffNames.get(id) ?? '已删除的员工') : null);
  return [...changes]
    .sort((a, b) => a.seq - b.seq)
    .map((c) => ({
      seq: c.seq,
      at: c.createdAt.toISOString(),
      rule: c.rule,
      fromStaffName: name(c.fromStaffId),
      toStaffName: name(c.toStaffId),
      toPool: c.toPool,
      toBranchName: c.toBranchId ? (branchNames.get(c.toBranchId) ?? null) : null,
      actorName: name(c.actorStaffId),
      reason: c.reason,
    }));
}

/** A stable readable name for a visitor who left no details: `访客 3F2A`. */
export function visitorLabel(visitorId: string): string {
  return `访客 ${visitorId.slice(-4).toUpperCase()}`;
}

/**
 * The page visits of the lead's visitor(s), newest first: each `view` with the dwell, read depth and re-share the
 * same visitor's events on the same share recorded before their next view.
 */
export function toVisits(events: VisitEventEntity[], shares: Map<string, ShareEntity>, contentTitles: Names, staffNames: Names): LeadVisit[] {
  const ordered = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const open = new Map<string, LeadVisit>();
  const visits: LeadVisit[] = [];
  for (const e of ordered) {
    const key = `${e.visitorId}|${e.shareId}`;
    if (e.type === 'view') {
      const share = shares.get(e.shareId);
      const visit: LeadVisit = {
        id: e.id,
        at: e.createdAt.toISOString(),
        contentTitle: share ? (share.contentId === null ? '名片' : (contentTitles.get(share.contentId) ?? null)) : null,
        channel: share?.channel ?? null,
        dwellSeconds: null,
        readDepth: null,
        reshared: false,
        viaLabel: share ? (share.sharerVisitorId ? visitorLabel(share.sharerVisitorId) : (staffNames.get(share.staffId) ?? null)) : null,
      };
      open.set(key, visit);
      visits.push(visit);
      continue;
    }
    const visit = open.get(key);
    if (!visit) continue;
    if (e.type === 'dwell' && e.value !== null) visit.dwellSeconds = Math.max(visit.dwellSeconds ?? 0, Math.round(e.value));
    if (e.type === 'read_depth' && e.value !== null) visit.readDepth = Math.min(100, Math.max(visit.readDepth ?? 0, Math.round(e.value)));
    if (e.type === 'reshare') visit.reshared = true;
  }
  return visits.reverse();
}

/**
 * The consent the customer gave, as the lead row records it (notice version and time, the page it was on, the
 * fields collected); the consent ledger's newest row (`latest`, from the privacy module) names the notice version
 * and time of the most recent consent.
 */
export function toConsent(lead: LeadEntity, contentTitles: Names, latest?: { noticeVersion: string; at: string }): LeadConsent {
  return {
    version: latest?.noticeVersion ?? lead.consentVersion,
    at: latest?.at ?? lead.consentedAt.toISOString(),
    contentTitle: lead.sourceContentId ? (contentTitles.get(lead.sourceContentId) ?? null) : null,
    fields: ['姓名', '手机号', ...(lead.message ? ['留言'] : [])],
  };
}
