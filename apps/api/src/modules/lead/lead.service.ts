import { Inject, Injectable } from '@nestjs/common';
import {
  LABELS,
  normalizePhone,
  PRIVACY_NOTICE_VERSION,
  type LeadDetail,
  type LeadListQuery,
  type LeadListResponse,
  type SubmitLeadRequest,
  type TimelineEntry,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { idFloor, newId } from '../../core/database/id.util';
import { AppException } from '../../core/errors/app.exception';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';
import { ContentRepository } from '../content/content.repository';
import { StaffRepository } from '../org/staff.repository';
import type { ShareEntity } from '../share/share.entity';
import { ShareRepository } from '../share/share.repository';
import { ShareService } from '../share/share.service';
import { decodeCursor, encodeCursor } from './lead-cursor.util';
import type { LeadEntity } from './lead.entity';
import { toLeadListItem, type Names } from './lead.mapper';
import { LeadRepository, type LeadPageFilter } from './lead.repository';

export const PROTECTION_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

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
  ) {}

  /**
   * A customer's submission of the lead form. One lead per normalized phone; every accepted submission is
   * one touch; a replayed idempotency key writes nothing. The answer never tells whether the phone was known.
   */
  async submit(dto: SubmitLeadRequest, ctx: SubmitContext): Promise<{ ok: true }> {
    const now = ctx.now ?? new Date();
    const share = await this.shareService.findByCode(dto.shareCode);
    if (!share) throw AppException.notFound('SHARE_NOT_FOUND', '分享链接不存在或已失效');
    const limit = await this.limits.hit(`lead:ip:${ctx.ip}`, this.config.leadRateLimitPerMinute, 60, now);
    if (!limit.allowed) throw AppException.rateLimited(limit.retryAfterSeconds);
    const key = dto.idempotencyKey ?? null;
    if (key && (await this.leads.touchExistsForKey(key))) return { ok: true };

    const phone = normalizePhone(dto.phone) as string;
    const visitorId = dto.visitorId ?? ctx.visitorId;
    const { lead, created } = await this.findOrCreateLead(phone, dto, share, now);
    const collision = !created && lead.ownerStaffId !== null && lead.ownerStaffId !== share.staffId && lead.protectedUntil !== null && lead.protectedUntil > now;
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
        collision,
        createdAt: now,
      });
    } catch (error) {
      if (key && isUniqueViolation(error)) return { ok: true }; // the same submission, racing itself
      throw error;
    }
    if (!created) await this.leads.recordTouchOnLead(lead.id, now);
    if (visitorId) await this.leads.stitchVisitor(visitorId, lead.id, share.id, now);
    return { ok: true };
  }

  private async findOrCreateLead(phone: string, dto: SubmitLeadRequest, share: ShareEntity, now: Date): Promise<{ lead: LeadEntity; created: boolean }> {
    const existing = await this.leads.findByPhone(phone);
    if (existing) return { lead: existing, created: false };
    const owner = await this.staff.findById(share.staffId);
    const lead: LeadEntity = {
      id: newId(now.getTime()),
      phone,
      name: dto.name,
      status: 'new',
      pool: 'private',
      ownerStaffId: share.staffId,
      branchId: owner?.branchId ?? null,
      firstShareId: share.id,
      referrerVisitorId: share.sharerVisitorId,
      chainDepth: share.depth,
      message: dto.message ?? null,
      consentVersion: PRIVACY_NOTICE_VERSION,
      consentedAt: now,
      protectedUntil: new Date(now.getTime() + PROTECTION_DAYS * DAY_MS),
      touchCount: 1,
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
      fromStaffId: null,
      toStaffId: share.staffId,
      rule: 'first_touch',
      actorStaffId: null,
      reason: null,
      shareId: share.id,
      createdAt: now,
    });
    return { lead, created: true };
  }

  async list(user: AuthUser, query: LeadListQuery): Promise<LeadListResponse> {
    const limit = query.limit ?? 20;
    const filter = this.scopedFilter(user, query);
    if (!filter) return { items: [], nextCursor: null };
    const rows = await this.leads.page(filter, limit + 1);
    const page = rows.slice(0, limit);
    const names = await this.staffNames(page.map((l) => l.ownerStaffId));
    return {
      items: page.map((l) => toLeadListItem(l, user, names)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  async detail(user: AuthUser, id: string): Promise<LeadDetail> {
    const lead = await this.leads.findById(id);
    if (!lead || !this.canSee(user, lead)) throw AppException.notFound('LEAD_NOT_FOUND', '线索不存在');
    const [touches, changes, visits, chain] = await Promise.all([
      this.leads.touchesOf(id),
      this.leads.ownershipChangesOf(id),
      this.leads.visitsOf(id),
      this.shares.chainTo(lead.firstShareId),
    ]);
    const shareIds = [...new Set([...touches.map((t) => t.shareId), ...visits.map((v) => v.shareId), ...changes.map((c) => c.shareId ?? '')].filter(Boolean))];
    const shares = new Map((await this.shares.findByIds(shareIds)).map((s) => [s.id, s]));
    const contentTitles = new Map<string, string>();
    for (const contentId of new Set([...shares.values()].map((s) => s.contentId))) {
      const c = await this.contents.findById(contentId);
      if (c) contentTitles.set(c.id, c.title);
    }
    const names = await this.staffNames([
      lead.ownerStaffId,
      ...touches.map((t) => t.staffId),
      ...changes.flatMap((c) => [c.toStaffId, c.fromStaffId, c.actorStaffId]),
      ...visits.map((v) => v.staffId),
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
            ? `归属 ${who(c.toStaffId)}：首次触达规则（线索由其分享带来）`
            : `归属由 ${who(c.fromStaffId)} 变为 ${who(c.toStaffId)}（${c.rule}${c.reason ? `：${c.reason}` : ''}）`,
        ),
      ),
      ...visits.map((v) => entry('visit', v.createdAt, v.staffId, v.shareId, v.type === 'view' ? `浏览了${via(v.shareId)}页面` : `${v.type}${v.value !== null ? ` ${v.value}` : ''}`)),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      ...toLeadListItem(lead, user, names),
      message: lead.message,
      consentVersion: lead.consentVersion,
      consentedAt: lead.consentedAt.toISOString(),
      referrerVisitorId: lead.referrerVisitorId,
      chainDepth: lead.chainDepth,
      shareChain: chain.map((s) => ({ shareCode: s.code, depth: s.depth, sharerVisitorId: s.sharerVisitorId, staffId: s.staffId, channel: s.channel })),
      timeline,
    };
  }

  /** The caller's scope laid over the requested filters; null when they cannot match anything. */
  private scopedFilter(user: AuthUser, query: LeadListQuery): LeadPageFilter | null {
    const filter: LeadPageFilter = {};
    if (query.status) filter.status = query.status;
    if (query.pool) filter.pool = query.pool;
    if (query.q) filter.q = query.q;
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
    return lead.ownerStaffId === user.id;
  }

  private async staffNames(ids: Array<string | null>): Promise<Names> {
    const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    return new Map((await this.staff.findByIds(unique)).map((s) => [s.id, s.name]));
  }
}
