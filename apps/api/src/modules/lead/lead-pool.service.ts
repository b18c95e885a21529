import { Inject, Injectable } from '@nestjs/common';
import {
  LEAD_STATUS_TRANSITIONS,
  LABELS,
  type AssignLeadRequest,
  type ChangeLeadStatusRequest,
  type CollisionListResponse,
  type CreateFollowUpRequest,
  type CursorQuery,
  type FollowUp,
  type LeadListItem,
  type Notification,
  type RecycleRunResult,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { Clock } from '../../core/clock/clock';
import { newId } from '../../core/database/id.util';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';
import { ContentRepository } from '../content/content.repository';
import { StaffRepository } from '../org/staff.repository';
import { ShareRepository } from '../share/share.repository';
import { decodeCursor, encodeCursor } from './lead-cursor.util';
import type { LeadEntity } from './lead.entity';
import { toFollowUp, toLeadListItem } from './lead.mapper';
import { LeadRepository } from './lead.repository';
import { OwnershipService } from './ownership.service';
import { PoolSettingsService } from './pool-settings.service';

const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const RECYCLE_BATCH = 500;
/** A claim of a lead that left the public pool less than this long ago is a lost race (409), not out of sight (404). */
const LEFT_POOL_VISIBLE_MS = 10 * 60 * 1000;

/** The China-time calendar day of `now` (claims per day count by it) and the seconds left in it. */
export function chinaDay(now: Date): { key: string; secondsLeft: number } {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  const key = local.toISOString().slice(0, 10);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - CHINA_OFFSET_MS;
  return { key, secondsLeft: Math.max(1, Math.ceil((midnight - now.getTime()) / 1000)) };
}

/** The public and private pools: claims, assignment, release, hand-over, recycling, follow-ups and status. */
@Injectable()
export class LeadPoolService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(OwnershipService) private readonly ownership: OwnershipService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(ShareRepository) private readonly shares: ShareRepository,
    @Inject(ContentRepository) private readonly contents: ContentRepository,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** A staff member takes a lead from the public pool. Of several racing claims exactly one wins. */
  async claim(user: AuthUser, leadId: string, ip: string): Promise<LeadListItem> {
    const now = this.clock.now();
    const settings = await this.settings.get();
    const lead = await this.leads.findById(leadId);
    if (!lead) throw AppException.notFound('LEAD_NOT_FOUND', '线索不存在');
    if (lead.pool !== 'public') {
      // Someone else's private lead is out of the caller's sight (404, as reading it is), unless it left the
      // public pool moments ago: then the caller saw it there and lost the race (409).
      if (!this.canSee(user, lead) && !(await this.leftPoolRecently(lead, now))) throw AppException.notFound('LEAD_NOT_FOUND', '线索不存在');
      throw AppException.conflict('LEAD_ALREADY_CLAIMED', '这条线索已被领取');
    }
    if (lead.releasedByStaffId === user.id && lead.releasedAt && lead.releasedAt.getTime() + settings.reclaimBlockDays * DAY_MS > now.getTime()) {
      throw AppException.conflict('RECLAIM_BLOCKED', `这条线索刚从你名下回到公海，${settings.reclaimBlockDays} 天内不能领回`);
    }
    const outcome = await this.takeFromPool(user.id, lead, { rule: 'claimed', actorStaffId: user.id, ip }, now);
    if (outcome === 'daily_cap') throw AppException.conflict('CLAIM_LIMIT_REACHED', `今天已领取 ${settings.claimDailyCap} 条，明天再来吧`);
    if (outcome === 'hold_cap') throw AppException.conflict('CLAIM_LIMIT_REACHED', `你名下的线索已达上限（${settings.claimHoldCap} 条），请先跟进或放回公海`);
    if (outcome === 'lost') throw AppException.conflict('LEAD_ALREADY_CLAIMED', '这条线索已被领取');
    return this.item(user, leadId);
  }

  /**
   * Moves a public-pool lead to `staffId` within the claim caps: by a claim, or by a touch through their own
   * share (`public_touch`), which counts the same. The daily cap is an atomic counter taken first (and given
   * back when nothing moves); the hold cap is checked and the move written in one transaction that holds the
   * staff member's row, so parallel claims cannot all see room under the cap.
   */
  async takeFromPool(
    staffId: string,
    lead: LeadEntity,
    target: { rule: 'claimed' | 'public_touch'; actorStaffId?: string | null; shareId?: string | null; ip?: string | null },
    now: Date,
  ): Promise<'taken' | 'daily_cap' | 'hold_cap' | 'lost'> {
    const settings = await this.settings.get();
    const day = chinaDay(now);
    const bucket = `claim:${staffId}:${day.key}`;
    const counted = await this.limits.hit(bucket, settings.claimDailyCap, day.secondsLeft, now);
    if (!counted.allowed) {
      await this.limits.undo(bucket);
      return 'daily_cap';
    }
    const outcome = await this.transactions.run(async (tx) => {
      await tx.lock('staff', [staffId]);
      if ((await this.leads.countHeld(staffId, tx.manager)) >= settings.claimHoldCap) return 'hold_cap' as const;
      const moved = await this.ownership.transfer(lead, { ...target, toStaffId: staffId, settings }, now, tx);
      return moved ? ('taken' as const) : ('lost' as const);
    });
    if (outcome !== 'taken') await this.limits.undo(bucket);
    return outcome;
  }

  /** HQ anywhere, a branch manager within their branch: give a lead to a staff member, or to the public pool. */
  async assign(user: AuthUser, leadId: string, dto: AssignLeadRequest, ip: string): Promise<LeadListItem> {
    if (user.role === 'staff') throw AppException.forbidden('只有总部或门店负责人可以分配线索');
    if (dto.staffId) {
      const target = await this.staff.findById(dto.staffId);
      if (!target || target.status !== 'active' || (user.role === 'branch_manager' && target.branchId !== user.branchId)) {
        throw AppException.notFound('STAFF_NOT_FOUND', '员工不存在或已停用');
      }
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const lead = await this.visibleLead(user, leadId);
      if (lead.ownerStaffId === dto.staffId && lead.pool === (dto.staffId ? 'private' : 'public')) return this.item(user, leadId);
      if (await this.ownership.transfer(lead, { toStaffId: dto.staffId, rule: 'assigned', actorStaffId: user.id, reason: dto.reason, ip })) {
        return this.item(user, leadId);
      }
    }
    throw AppException.conflict('LEAD_ALREADY_CLAIMED', '线索正在被其他人修改，请刷新后重试');
  }

  /** The owner puts a lead back into the public pool. */
  async release(user: AuthUser, leadId: string, reason: string, ip: string): Promise<LeadListItem> {
    const lead = await this.ownedLead(user, leadId);
    if (!(await this.ownership.transfer(lead, { toStaffId: null, rule: 'released', actorStaffId: user.id, reason, ip }))) {
      throw AppException.conflict('LEAD_ALREADY_CLAIMED', '线索归属刚刚发生了变化，请刷新后重试');
    }
    return this.item(user, leadId);
  }

  /** A disabled staff member's private leads go to a colleague or to the public pool. */
  async handOver(actor: AuthUser, fromStaffId: string, toStaffId: string | null, ip: string): Promise<number> {
    let moved = 0;
    for (let round = 0; round < 1000; round++) {
      const batch = await this.leads.privateLeadsOf(fromStaffId, 200);
      if (!batch.length) break;
      for (const lead of batch) {
        if (await this.ownership.transfer(lead, { toStaffId, rule: 'handover', actorStaffId: actor.id, reason: '员工停用', ip })) moved++;
      }
    }
    return moved;
  }

  async addFollowUp(user: AuthUser, leadId: string, dto: CreateFollowUpRequest): Promise<FollowUp> {
    const lead = await this.ownedLead(user, leadId);
    const now = this.clock.now();
    const settings = await this.settings.get();
    const followUp = { id: newId(now.getTime()), leadId, staffId: user.id, method: dto.method, note: dto.note, nextAt: dto.nextAt ? new Date(dto.nextAt) : null, createdAt: now };
    // A follow-up renews the protection period and restarts the recycle clock.
    await this.leads.recordFollowUp(followUp, {
      lastFollowUpAt: now,
      ownerActivityAt: now,
      protectedUntil: new Date(now.getTime() + settings.protectionDays * DAY_MS),
      recycleWarnedAt: null,
    });
    if (lead.status === 'new') await this.applyStatus(user, lead, 'contacted', '首次跟进', now);
    return toFollowUp(followUp, new Map([[user.id, user.name]]));
  }

  async changeStatus(user: AuthUser, leadId: string, dto: ChangeLeadStatusRequest): Promise<LeadListItem> {
    const lead = await this.visibleLead(user, leadId);
    if (user.role === 'staff' && lead.ownerStaffId !== user.id) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工可以修改状态');
    if (!LEAD_STATUS_TRANSITIONS[lead.status].includes(dto.status)) {
      throw AppException.conflict('STATUS_TRANSITION_INVALID', `不能从「${LABELS.leadStatus[lead.status]}」改为「${LABELS.leadStatus[dto.status]}」`);
    }
    if (!(await this.applyStatus(user, lead, dto.status, dto.reason ?? null, this.clock.now()))) {
      throw AppException.conflict('STATUS_TRANSITION_INVALID', '线索状态刚刚被其他人修改，请刷新后重试');
    }
    return this.item(user, leadId);
  }

  /** Runs the recycling job once: warn owners, then return unattended private leads to the public pool. */
  async recycle(now = this.clock.now()): Promise<RecycleRunResult> {
    const settings = await this.settings.get();
    const recycleCutoff = new Date(now.getTime() - settings.recycleDays * DAY_MS);
    let warned = 0;
    if (settings.recycleWarnDays > 0) {
      const warnCutoff = new Date(now.getTime() - (settings.recycleDays - settings.recycleWarnDays) * DAY_MS);
      for (let round = 0; round < 100; round++) {
        const batch = await this.leads.warnCandidates(warnCutoff, recycleCutoff, RECYCLE_BATCH);
        let marked = 0;
        for (const lead of batch) {
          if (!lead.ownerStaffId || !lead.ownerActivityAt || !(await this.leads.markWarned(lead, now))) continue;
          const dueAt = new Date(lead.ownerActivityAt.getTime() + settings.recycleDays * DAY_MS);
          const days = Math.max(1, Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS));
          await this.ownership.notify(lead.ownerStaffId, 'recycle_warning', lead, `${lead.name} 将在 ${days} 天后回到公海，请及时跟进`, now);
          marked++;
        }
        warned += marked;
        if (batch.length < RECYCLE_BATCH || !marked) break;
      }
    }
    let recycled = 0;
    for (let round = 0; round < 100; round++) {
      const batch = await this.leads.recycleCandidates(recycleCutoff, RECYCLE_BATCH);
      let moved = 0;
      for (const lead of batch) {
        const owner = lead.ownerStaffId;
        if (await this.ownership.transfer(lead, { toStaffId: null, rule: 'recycled', reason: `${settings.recycleDays} 天未跟进` }, now)) {
          moved++;
          if (owner) await this.ownership.notify(owner, 'recycled', lead, `${lead.name} ${settings.recycleDays} 天未跟进，已回到公海`, now);
        }
      }
      recycled += moved;
      if (batch.length < RECYCLE_BATCH || !moved) break;
    }
    await this.ownership.repair();
    return { recycled, warned };
  }

  async collisions(user: AuthUser, query: CursorQuery): Promise<CollisionListResponse> {
    if (user.role === 'staff') throw AppException.forbidden();
    if (user.role === 'branch_manager' && !user.branchId) return { items: [], nextCursor: null };
    const limit = query.limit ?? 50;
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.cursor && !before) throw AppException.badRequest('VALIDATION_FAILED', '分页游标无效（cursor）');
    const rows = await this.leads.collisionsPage(user.role === 'branch_manager' ? user.branchId : null, before ?? undefined, limit + 1);
    const page = rows.slice(0, limit);
    const leads = new Map((await this.leads.findByIds([...new Set(page.map((t) => t.leadId))])).map((l) => [l.id, l]));
    const shares = new Map((await this.shares.findByIds([...new Set(page.map((t) => t.shareId))])).map((s) => [s.id, s]));
    const titles = await this.contents.titlesByIds([...shares.values()].map((s) => s.contentId));
    const names = new Map((await this.staff.findByIds([...new Set([...page.map((t) => t.staffId), ...[...leads.values()].map((l) => l.ownerStaffId ?? '')])].filter(Boolean))).map((s) => [s.id, s.name]));
    return {
      items: page.map((t) => {
        const lead = leads.get(t.leadId);
        const share = shares.get(t.shareId);
        return {
          id: t.id,
          at: t.createdAt.toISOString(),
          leadId: t.leadId,
          leadName: lead?.name ?? '',
          ownerStaffId: lead?.ownerStaffId ?? null,
          ownerName: lead?.ownerStaffId ? (names.get(lead.ownerStaffId) ?? null) : null,
          staffId: t.staffId,
          staffName: names.get(t.staffId) ?? null,
          shareCode: share?.code ?? null,
          contentTitle: share ? (titles.get(share.contentId) ?? null) : null,
        };
      }),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
  }

  async notifications(user: AuthUser): Promise<Notification[]> {
    const rows = await this.leads.notificationsOf(user.id, 50);
    const leads = new Map((await this.leads.findByIds([...new Set(rows.map((n) => n.leadId))])).map((l) => [l.id, l]));
    return rows.map((n) => ({ id: n.id, kind: n.kind, leadId: n.leadId, leadName: leads.get(n.leadId)?.name ?? '', message: n.message, createdAt: n.createdAt.toISOString() }));
  }

  private async applyStatus(user: AuthUser, lead: LeadEntity, to: LeadEntity['status'], reason: string | null, now: Date): Promise<boolean> {
    const changed = await this.leads.changeStatus(lead.id, lead.status, { id: newId(now.getTime()), leadId: lead.id, fromStatus: lead.status, toStatus: to, actorStaffId: user.id, reason, createdAt: now });
    if (changed && to === 'converted') await this.leads.insertMemberOnce({ id: newId(now.getTime()), leadId: lead.id, convertedBy: user.id, createdAt: now });
    if (changed && user.role !== 'staff') {
      await this.audit.record({ actorStaffId: user.id, action: 'lead.status', targetType: 'lead', targetId: lead.id, detail: { from: lead.status, to, reason } });
    }
    return changed;
  }

  /** A lead the user may act on (the same scope as reading it); 404 otherwise. */
  private async visibleLead(user: AuthUser, leadId: string): Promise<LeadEntity> {
    const lead = await this.leads.findById(leadId);
    if (!lead || !this.canSee(user, lead)) throw AppException.notFound('LEAD_NOT_FOUND', '线索不存在');
    return lead;
  }

  private canSee(user: AuthUser, lead: LeadEntity): boolean {
    return (
      user.role === 'hq_admin' ||
      (user.role === 'branch_manager' && user.branchId !== null && lead.branchId === user.branchId) ||
      (user.role === 'staff' && (lead.ownerStaffId === user.id || lead.pool === 'public'))
    );
  }

  /** Whether the lead was in the public pool (seen by every staff member) until a few minutes ago. */
  private async leftPoolRecently(lead: LeadEntity, now: Date): Promise<boolean> {
    const last = await this.leads.latestOwnershipChange(lead.id);
    return Boolean(last && (last.rule === 'claimed' || last.rule === 'public_touch') && now.getTime() - last.createdAt.getTime() < LEFT_POOL_VISIBLE_MS);
  }

  private async ownedLead(user: AuthUser, leadId: string): Promise<LeadEntity> {
    const lead = await this.visibleLead(user, leadId);
    if (lead.ownerStaffId !== user.id) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工可以这样做');
    return lead;
  }

  private async item(user: AuthUser, leadId: string): Promise<LeadListItem> {
    const lead = (await this.leads.findById(leadId)) as LeadEntity;
    const names = new Map((await this.staff.findByIds(lead.ownerStaffId ? [lead.ownerStaffId] : [])).map((s) => [s.id, s.name]));
    return toLeadListItem(lead, user, names, await this.settings.get());
  }
}
