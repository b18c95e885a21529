import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  LABELS,
  POOL_LABELS,
  normalizePhone,
  PRIVACY_NOTICE_VERSION,
  type LeadDetail,
  type LeadListQuery,
  type LeadListResponse,
  type SubmitLeadRequest,
  type TimelineEntry,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { idFloor, newId } from '../../core/database/id.util';
import { AppException } from '../../core/errors/app.exception';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';
import { ContentRepository } from '../content/content.repository';
import { StaffRepository } from '../org/staff.repository';
import type { StaffEntity } from '../org/staff.entity';
import type { ShareEntity } from '../share/share.entity';
import { ShareRepository } from '../share/share.repository';
import { ShareService } from '../share/share.service';
import { decodeCursor, encodeCursor } from './lead-cursor.util';
import type { LeadEntity } from './lead.entity';
import { fullPhoneScope, isoOrNull, toFollowUp, toLeadListItem, type Names } from './lead.mapper';
import { LeadPoolService } from './lead-pool.service';
import { LeadRepository, type LeadPageFilter } from './lead.repository';
import { OwnershipService } from './ownership.service';
import { PoolSettingsService } from './pool-settings.service';

const DAY_MS = 24 * 3600 * 1000;
/** How far a disabled member's heirs are followed (an heir disabled in turn hands over to their own heir). */
const MAX_HEIR_HOPS = 5;

/** The normalised submission an idempotency key stands for (the visitor cookie may differ between retries). */
export function submissionHash(dto: SubmitLeadRequest, phone: string): string {
  return createHash('sha256').update(JSON.stringify([dto.shareCode, phone, dto.name, dto.message ?? ''])).digest('hex');
}

/** The answer to a used idempotency key: the same one for the same body; 409 for another body. */
function replayOf(seen: { idempotencyHash: string | null }, bodyHash: string | null): { ok: true } {
  // A touch written before keys carried a hash cannot be compared: it is taken as the same submission.
  if (seen.idempotencyHash !== null && seen.idempotencyHash !== bodyHash) {
    throw AppException.conflict('IDEMPOTENCY_KEY_REUSED', '这次提交的标识已用于另一份内容，请刷新页面后重新提交');
  }
  return { ok: true };
}

export interface SubmitContext {
  ip: string;
  /** The visitor cookie, when the request carried one. */
  visitorId: string | null;
  now?: Date;
}

@Injectable()
export class LeadService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(ShareService) private readonly shareService: ShareService,
    @Inject(ShareRepository) private readonly shares: ShareRepository,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(ContentRepository) private readonly contents: ContentRepository,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(OwnershipService) private readonly ownership: OwnershipService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
  ) {}

  /**
   * A customer's submission of the lead form. One lead per normalized phone; every accepted submission is
   * one touch; a replayed idempotency key writes nothing. The answer never tells whether the phone was known.
   */
  async submit(dto: SubmitLeadRequest, ctx: SubmitContext): Promise<{ ok: true }> {
    const now = ctx.now ?? this.clock.now();
    const share = await this.shareService.findByCode(dto.shareCode);
    if (!share) throw AppException.notFound('SHARE_NOT_FOUND', '分享链接不存在或已失效');
    const limit = await this.limits.hit(`lead:ip:${ctx.ip}`, this.config.leadRateLimitPerMinute, 60, now);
    if (!limit.allowed) throw AppException.rateLimited(limit.retryAfterSeconds);
    const phone = normalizePhone(dto.phone) as string;
    const key = dto.idempotencyKey ?? null;
    const bodyHash = key ? submissionHash(dto, phone) : null;
    if (key) {
      const seen = await this.leads.touchForKey(key);
      if (seen) return replayOf(seen, bodyHash);
    }

    const visitorId = dto.visitorId ?? ctx.visitorId;
    const receiver = await this.receiverOf(share);
    const { lead, created } = await this.findOrCreateLead(phone, dto, share, receiver, now);
    const collision = !created && (await this.attributeTouch(lead, share, receiver?.id ?? null, now)) === 'collision';
    try {
      await this.leads.insertTouch({
        id: newId(),
        leadId: lead.id,
        shareId: share.id,
        staffId: share.staffId,
        visitorId,
        name: dto.name,
        message: dto.message ?? null,
        idempotencyKey: key,
        idempotencyHash: bodyHash,
        collision,
        createdAt: now,
      });
    } catch (error) {
      if (key && isUniqueViolation(error)) {
        // The same key, racing itself: the same answer for the same body, 409 for another one.
        const seen = await this.leads.touchForKey(key);
        if (seen) return replayOf(seen, bodyHash);
      }
      throw error;
    }
    if (!created) await this.leads.recordTouchOnLead(lead.id, now);
    if (visitorId) await this.leads.stitchVisitor(visitorId, lead.id, share.id, now);
    return { ok: true };
  }

  /**
   * Who the leads a share brings go to: its staff member while active; once disabled, the heir chosen at
   * hand-over (through later hand-overs too), or nobody (null: the public pool). The page keeps working.
   */
  private async receiverOf(share: ShareEntity): Promise<StaffEntity | null> {
    let staff = await this.staff.findById(share.staffId);
    for (let hop = 0; staff && staff.status !== 'active' && hop < MAX_HEIR_HOPS; hop++) {
      staff = staff.successorStaffId ? await this.staff.findById(staff.successorStaffId) : null;
    }
    return staff?.status === 'active' ? staff : null;
  }

  /**
   * A touch on an existing lead by `share` (its leads go to `receiverId`): a collision when it reaches another
   * staff member's protected lead (owner unchanged); the lead moves to the receiver when it was in the public
   * pool (within their claim caps, unless they just lost it there) or its protection has run out.
   */
  private async attributeTouch(lead: LeadEntity, share: ShareEntity, receiverId: string | null, now: Date): Promise<'same' | 'collision' | 'moved' | 'kept'> {
    if (!receiverId) return 'kept'; // a disabled member's link with no heir: the touch is recorded, nothing moves
    if (lead.ownerStaffId === receiverId) return 'same';
    const settings = await this.settings.get();
    if (lead.pool === 'public') {
      const blocked = lead.releasedByStaffId === receiverId && lead.releasedAt !== null && lead.releasedAt.getTime() + settings.reclaimBlockDays * DAY_MS > now.getTime();
      if (blocked) return 'kept';
      // Taking a lead from the pool through one's own share counts against the claim caps like a claim.
      return (await this.pool.takeFromPool(receiverId, lead, { rule: 'public_touch', shareId: share.id }, now)) === 'taken' ? 'moved' : 'kept';
    }
    if (lead.protectedUntil !== null && lead.protectedUntil > now) return 'collision';
    if (lead.status === 'converted') return 'kept'; // a member stays with the one who converted them
    // A lost race means another change just moved the lead: this touch stays a plain touch.
    return (await this.ownership.transfer(lead, { toStaffId: receiverId, rule: 'protection_expired_touch', shareId: share.id }, now)) ? 'moved' : 'kept';
  }

  private async findOrCreateLead(phone: string, dto: SubmitLeadRequest, share: ShareEntity, receiver: StaffEntity | null, now: Date): Promise<{ lead: LeadEntity; created: boolean }> {
    const existing = await this.leads.findByPhone(phone);
    if (existing) return { lead: existing, created: false };
    const settings = await this.settings.get();
    // With no receiver (a disabled member without an heir) the lead starts in the public pool of their branch.
    const branchId = receiver ? receiver.branchId : ((await this.staff.findById(share.staffId))?.branchId ?? null);
    const lead: LeadEntity = {
      id: newId(now.getTime()),
      phone,
      name: dto.name,
      status: 'new',
      pool: receiver ? 'private' : 'public',
      ownerStaffId: receiver?.id ?? null,
      branchId,
      firstShareId: share.id,
      referrerVisitorId: share.sharerVisitorId,
      chainDepth: share.depth,
      message: dto.message ?? null,
      consentVersion: PRIVACY_NOTICE_VERSION,
      consentedAt: now,
      protectedUntil: receiver ? new Date(now.getTime() + settings.protectionDays * DAY_MS) : null,
      touchCount: 1,
      ownershipVersion: 1,
      ownerActivityAt: receiver ? now : null,
      recycleWarnedAt: null,
      lastFollowUpAt: null,
      releasedByStaffId: null,
      releasedAt: null,
      createdAt: now,
      lastTouchAt: now,
    };
    try {
      await this.leads.insertLead(lead);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another submission of the same phone won the race: this one is a touch on that lead.
      const winner = await this.leads.findByPhone(phone);
      if (!winner) throw error;
      return { lead: winner, created: false };
    }
    await this.leads.insertOwnershipChange({
      id: newId(now.getTime()),
      leadId: lead.id,
      seq: 1,
      fromStaffId: null,
      toStaffId: lead.ownerStaffId,
      toPool: lead.pool,
      toBranchId: lead.branchId,
      rule: 'first_touch',
      actorStaffId: null,
      reason: null,
      shareId: share.id,
      createdAt: now,
    });
    await this.audit.record({ actorStaffId: null, action: 'lead.first_touch', targetType: 'lead', targetId: lead.id, detail: { to: lead.ownerStaffId, seq: 1, shareId: share.id } });
    return { lead, created: true };
  }

  async list(user: AuthUser, query: LeadListQuery): Promise<LeadListResponse> {
    const limit = query.limit ?? 20;
    const filter = this.scopedFilter(user, query);
    if (!filter) return { items: [], nextCursor: null };
    const rows = await this.leads.page(filter, limit + 1);
    const page = rows.slice(0, limit);
    const [names, settings] = await Promise.all([this.staffNames(page.map((l) => l.ownerStaffId)), this.settings.get()]);
    return {
      items: page.map((l) => toLeadListItem(l, user, names, settings)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  async detail(user: AuthUser, id: string): Promise<LeadDetail> {
    const lead = await this.leads.findById(id);
    if (!lead || !this.canSee(user, lead)) throw AppException.notFound('LEAD_NOT_FOUND', '线索不存在');
    const [touches, changes, visits, chain, followUps, statusChanges, member, settings] = await Promise.all([
      this.leads.touchesOf(id),
      this.leads.ownershipChangesOf(id),
      this.leads.visitsOf(id),
      this.shares.chainTo(lead.firstShareId),
      this.leads.followUpsOf(id),
      this.leads.statusChangesOf(id),
      this.leads.findMember(id),
      this.settings.get(),
    ]);
    const shareIds = [...new Set([...touches.map((t) => t.shareId), ...visits.map((v) => v.shareId), ...changes.map((c) => c.shareId ?? '')].filter(Boolean))];
    const shares = new Map((await this.shares.findByIds(shareIds)).map((s) => [s.id, s]));
    const contentTitles = await this.contents.titlesByIds([...shares.values()].map((s) => s.contentId));
    const names = await this.staffNames([
      lead.ownerStaffId,
      ...touches.map((t) => t.staffId),
      ...changes.flatMap((c) => [c.toStaffId, c.fromStaffId, c.actorStaffId]),
      ...visits.map((v) => v.staffId),
      ...followUps.map((f) => f.staffId),
      ...statusChanges.map((c) => c.actorStaffId),
    ]);
    const entry = (kind: TimelineEntry['kind'], at: Date, staffId: string | null, shareId: string | null, summary: string): TimelineEntry => {
      const share = shareId ? shares.get(shareId) : undefined;
      return {
        kind,
        at: at.toISOString(),
        staffId,
        staffName: staffId ? (names.get(staffId) ?? null) : null,
        shareCode: share?.code ?? null,
        channel: share?.channel ?? null,
        contentTitle: share ? (contentTitles.get(share.contentId) ?? null) : null,
        summary,
      };
    };
    const nextDay = (at: Date | null) => {
      const iso = isoOrNull(at); // a bad stored date is left out, never a 500
      return iso ? `（下次跟进 ${iso.slice(0, 10)}）` : '';
    };
    const who = (id: string | null) => (id ? (names.get(id) ?? '已删除员工') : '公海');
    const via = (shareId: string | null) => {
      const s = shareId ? shares.get(shareId) : undefined;
      if (!s) return '';
      const title = contentTitles.get(s.contentId);
      return `${s.depth > 0 ? `客户转发（第 ${s.depth} 层）的` : `${LABELS.channel[s.channel]}分享的`}${title ? `《${title}》` : ''}`;
    };
    const timeline: TimelineEntry[] = [
      ...touches.map((t) =>
        t.collision
          ? entry('collision', t.createdAt, t.staffId, t.shareId, `撞单：${who(t.staffId)} 的分享触达了保护期内的线索，归属仍为 ${who(lead.ownerStaffId)}`)
          : entry('submission', t.createdAt, t.staffId, t.shareId, `通过${via(t.shareId)}留资${t.message ? `：${t.message}` : ''}`),
      ),
      ...changes.map((c) =>
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
      ...followUps.map((f) =>
        entry('follow_up', f.createdAt, f.staffId, null, `${who(f.staffId)} ${POOL_LABELS.followUpMethod[f.method]}跟进：${f.note}${nextDay(f.nextAt)}`),
      ),
      ...statusChanges.map((c) =>
        entry('status', c.createdAt, c.actorStaffId, null, `${who(c.actorStaffId)} 将状态从「${LABELS.leadStatus[c.fromStatus]}」改为「${LABELS.leadStatus[c.toStatus]}」${c.reason ? `：${c.reason}` : ''}`),
      ),
      ...visits.map((v) => entry('visit', v.createdAt, v.staffId, v.shareId, v.type === 'view' ? `浏览了${via(v.shareId)}页面` : `${v.type}${v.value !== null ? ` ${v.value}` : ''}`)),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      ...toLeadListItem(lead, user, names, settings),
      message: lead.message,
      consentVersion: lead.consentVersion,
      consentedAt: lead.consentedAt.toISOString(),
      referrerVisitorId: lead.referrerVisitorId,
      chainDepth: lead.chainDepth,
      shareChain: chain.map((s) => ({ shareCode: s.code, depth: s.depth, sharerVisitorId: s.sharerVisitorId, staffId: s.staffId, channel: s.channel })),
      timeline,
      followUps: followUps.map((f) => toFollowUp(f, names)),
      memberId: member?.id ?? null,
    };
  }

  /** The caller's scope laid over the requested filters; null when they cannot match anything. */
  private scopedFilter(user: AuthUser, query: LeadListQuery): LeadPageFilter | null {
    const filter: LeadPageFilter = {};
    if (query.status) filter.status = query.status;
    if (query.pool) filter.pool = query.pool;
    if (query.q) {
      // A complete number, in any notation, finds its lead for anyone in scope: they already know it.
      const phone = normalizePhone(query.q);
      if (phone) filter.phone = phone;
      else filter.q = query.q;
      const scope = fullPhoneScope(user);
      if (scope !== 'all') filter.maskedFor = scope.ownerStaffId;
    }
    if (query.ownerStaffId) filter.ownerStaffId = query.ownerStaffId;
    if (query.branchId) filter.branchId = query.branchId;
    if (query.from) filter.minId = idFloor(new Date(query.from));
    if (query.to) filter.maxIdExclusive = idFloor(new Date(Date.parse(query.to) + 1));
    if (query.cursor) {
      const before = decodeCursor(query.cursor);
      if (!before) throw AppException.badRequest('VALIDATION_FAILED', '分页游标无效（cursor）');
      filter.beforeId = before;
    }
    if (user.role === 'staff') {
      // Staff see their own leads, and the whole public pool when they ask for it (to claim from it).
      if (query.pool === 'public') return query.ownerStaffId ? null : filter;
      if (query.ownerStaffId && query.ownerStaffId !== user.id) return null;
      filter.ownerStaffId = user.id;
    } else if (user.role === 'branch_manager') {
      if (query.branchId && query.branchId !== user.branchId) return null;
      if (!user.branchId) return null;
      filter.branchId = user.branchId;
    }
    return filter;
  }

  private canSee(user: AuthUser, lead: LeadEntity): boolean {
    if (user.role === 'hq_admin') return true;
    if (user.role === 'branch_manager') return user.branchId !== null && lead.branchId === user.branchId;
    return lead.ownerStaffId === user.id || lead.pool === 'public';
  }

  private async staffNames(ids: Array<string | null>): Promise<Names> {
    const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    return new Map((await this.staff.findByIds(unique)).map((s) => [s.id, s.name]));
  }
}
