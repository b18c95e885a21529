import { maskPhone, type LeadItemExtras, type LeadListItem, type LeadPageItem, type LeadTagRef, type PoolSettings } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { DAY_MS } from '../../core/clock/clock';
import { reclaimBlockedUntil, seesFullPhone } from './access/lead-access.policy';
import type { LeadEntity } from './lead.entity';

export type Names = Map<string, string>;

/** An ISO string of a stored date, or null when the stored value is not a valid date (never a throw). */
export function isoOrNull(date: Date | null | undefined): string | null {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** When a private, open lead returns to the public pool unless followed up. */
export function recycleAt(lead: LeadEntity, settings: PoolSettings): Date | null {
  if (lead.pool !== 'private' || !lead.ownerActivityAt || lead.status === 'converted' || lead.status === 'lost') return null;
  return new Date(lead.ownerActivityAt.getTime() + settings.recycleDays * DAY_MS);
}

export function toLeadListItem(lead: LeadEntity, user: AuthUser, names: Names, settings: PoolSettings): LeadListItem {
  const full = seesFullPhone(user, lead);
  return {
    id: lead.id,
    name: lead.name,
    phone: full ? lead.phone : maskPhone(lead.phone),
    phoneMasked: !full,
    status: lead.status,
    ownerStaffId: lead.ownerStaffId,
    ownerName: lead.ownerStaffId ? (names.get(lead.ownerStaffId) ?? null) : null,
    branchId: lead.branchId,
    pool: lead.pool,
    touchCount: lead.touchCount,
    createdAt: lead.createdAt.toISOString(),
    lastTouchAt: lead.lastTouchAt.toISOString(),
    protectedUntil: lead.pool === 'private' && lead.protectedUntil ? lead.protectedUntil.toISOString() : null,
    recycleAt: recycleAt(lead, settings)?.toISOString() ?? null,
    lastFollowUpAt: lead.lastFollowUpAt?.toISOString() ?? null,
  };
}

/** What a page of leads needs besides the rows: names, titles and tags looked up once per page. */
export interface LeadPageContext {
  user: AuthUser;
  now: Date;
  settings: PoolSettings;
  staffNames: Names;
  branchNames: Names;
  contentTitles: Names;
  tags: Map<string, LeadTagRef[]>;
  /** The analytics module's heat of each lead, when it keeps one. */
  heatOf?: (lead: LeadEntity) => LeadItemExtras['heat'];
}

/** The rule of the `overdue` filter: a private open lead whose planned follow-up passed or whose recycle warning is due. */
export function followUpOverdue(lead: LeadEntity, settings: PoolSettings, now: Date): boolean {
  if (lead.pool !== 'private' || lead.status === 'converted' || lead.status === 'lost') return false;
  if (lead.nextFollowUpAt && lead.nextFollowUpAt.getTime() < now.getTime()) return true;
  const recycle = recycleAt(lead, settings);
  return recycle !== null && recycle.getTime() - settings.recycleWarnDays * DAY_MS <= now.getTime();
}

/** The extras both apps show, on a list item and on the detail alike. */
export function toLeadExtras(lead: LeadEntity, ctx: LeadPageContext): LeadItemExtras {
  const owner = lead.ownerStaffId !== null && lead.ownerStaffId === ctx.user.id;
  const blocked = lead.pool === 'public' ? reclaimBlockedUntil(lead, ctx.user.id, ctx.settings, ctx.now) : null;
  return {
    heat: ctx.heatOf?.(lead) ?? null,
    tags: ctx.tags.get(lead.id) ?? [],
    doNotContact: lead.doNotContactAt !== null,
    wechatId: owner ? lead.wechatId : null,
    branchName: lead.branchId ? (ctx.branchNames.get(lead.branchId) ?? null) : null,
    nextFollowUpAt: lead.pool === 'private' ? isoOrNull(lead.nextFollowUpAt) : null,
    followUpOverdue: followUpOverdue(lead, ctx.settings, ctx.now),
    reclaimBlockedUntil: blocked ? blocked.toISOString() : null,
    source:
      lead.sourceContentId && lead.sourceChannel
        ? { contentId: lead.sourceContentId, contentTitle: ctx.contentTitles.get(lead.sourceContentId) ?? '已删除的内容', channel: lead.sourceChannel }
        : null,
  };
}

export function toLeadPageItem(lead: LeadEntity, ctx: LeadPageContext): LeadPageItem {
  return { ...toLeadListItem(lead, ctx.user, ctx.staffNames, ctx.settings), ...toLeadExtras(lead, ctx) };
}
