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
  type PoolSettings,
  type RecycleRunResult,
} from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { Clock } from '../../core/clock/clock';
import { idFloor, newId } from '../../core/database/id.util';
import { type Transaction, TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { ContentRepository } from '../content/content.repository';
import { StaffRepository } from '../org/staff.repository';
import { ShareRepository } from '../share/share.repository';
import { decodeCursor, encodeCursor } from './lead-cursor.util';
import type { LeadEntity } from './lead.entity';
import { toFollowUp, toLeadListItem } from './lead.mapper';
import { LeadRepository } from './lead.repository';
import { OwnershipService, type OwnershipTarget } from './ownership.service';
import { PoolSettingsService } from './pool-settings.service';

const DAY_MS = 24 * 3600 * 1000;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const RECYCLE_BATCH = 500;
/** A claim of a lead that left the public pool less than this long ago is a lost race (409), not out of sight (404). */
const LEFT_POOL_VISIBLE_MS = 10 * 60 * 1000;
const OPEN = new Set(['new', 'contacted', 'qualified']);

/** When the China-time calendar day of `now` began: claims per day count from it. */
export function chinaDayStart(now: Date): Date {
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - CHINA_OFFSET_MS);
}

export type TakeOutcome = 'taken' | 'daily_cap' | 'hold_cap';

/**
 * The public and private pools: claims, assignment, release, hand-over, recycling, follow-ups and status. Each
 * operation is one unit of work that first locks the lead's row, so its rules decide on the row as it is.
 */
@Injectable()
export class LeadPoolService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(OwnershipService) private readonly ownership: OwnershipService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(ShareRepository) private readonly shares: ShareRepository,
    @Inject(ContentRepository) private readonly contents: ContentRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** A staff member takes a lead from the public pool. Of several racing claims exactly one wins. */
  async claim(user: AuthUser, leadId: string, ip: string): Promise<LeadListItem> {
    const now = this.clock.now();
    const settings = await this.settings.get();
    const outcome = await this.transactions.run(async (tx) => {
      const lead = await this.leads.findByIdForUpdate(tx, leadId);
      if (!lead) throw AppException.notFound('LEAD_NOT_FOUND', '线索不存在');
      if (lead.pool !== 'public') {
        // Someone else's private lead is out of the caller's sight (404, as reading it is), unless it left the
        // public pool moments ago: then the caller saw it there and lost the race (409).
        if (!this.canSee(user, lead) && !(await this.leftPoolRecently(tx, lead, now))) throw AppException.notFound('LEAD_NOT_FOUND', '线索不存在');
        throw AppException.conflict('LEAD_ALREADY_CLAIMED', '这条线索已被领取');
      }
      if (lead.releasedByStaffId === user.id && lead.releasedAt && lead.releasedAt.getTime() + settings.reclaimBlockDays * DAY_MS > now.getTime()) {
        throw AppException.conflict('RECLAIM_BLOCKED', `这条线索刚从你名下回到公海，${settings.reclaimBlockDays} 天内不能领回`);
      }
      return this.takeFromPool(tx, user.id, lead, { rule: 'claimed', actorStaffId: user.id, ip }, settings, now);
    });
    if (outcome === 'daily_cap') throw AppException.conflict('CLAIM_LIMIT_REACHED', `今天已领取 ${settings.claimDailyCap} 条，明天再来吧`);
    if (outcome === 'hold_cap') throw AppException.conflict('CLAIM_LIMIT_REACHED', `你名下的线索已达上限（${settings.claimHoldCap} 条），请先跟进或放回公海`);
    return this.item(user, leadId);
  }

  /**
   * Moves a public-pool lead (read with its lock in `tx`) to `staffId` within the claim caps: by a claim, or by a
   * touch through their own share (`public_touch`), which counts the same. The staff member's row is locked
   * first, so their parallel takes count one after another: the day's takes (ownership changes since the
   * China-time day began) and the leads they hold are counted in the same unit that moves the lead.
   */
  async takeFromPool(
    tx: Transaction,
    staffId: string,
    lead: LeadEntity,
    target: Pick<OwnershipTarget, 'actorStaffId' | 'shareId' | 'ip'> & { rule: 'claimed' | 'public_touch' },
    settings: PoolSettings,
    now: Date,
  ): Promise<TakeOutcome> {
    await this.staff.findByIdForUpdate(tx, staffId);
    if ((await this.leads.countTakenFromPool(tx, staffId, idFloor(chinaDayStart(now)))) >= settings.claimDailyCap) return 'daily_cap';
    if ((await this.leads.countHeld(tx, staffId)) >= settings.claimHoldCap) return 'hold_cap';
    await this.ownership.transfer(tx, lead, { ...target, toStaffId: staffId, settings }, now);
    return 'taken';
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
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const lead = await this.visibleLead(user, leadId, tx);
      if (lead.ownerStaffId === dto.staffId && lead.pool === (dto.staffId ? 'private' : 'public')) return;
      await this.ownership.transfer(tx, lead, { toStaffId: dto.staffId, rule: 'assigned', actorStaffId: user.id, reason: dto.reason, ip }, now);
    });
    return this.item(user, leadId);
  }

  /** The owner puts a lead back into the public pool. */
  async release(user: AuthUser, leadId: string, reason: string, ip: string): Promise<LeadListItem> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const lead = await this.ownedLead(user, leadId, tx);
      await this.ownership.transfer(tx, lead, { toStaffId: null, rule: 'released', actorStaffId: user.id, reason, ip }, now);
    });
    return this.item(user, leadId);
  }

  /** A disabled staff member's private leads go to a colleague or to the public pool, one unit of work per lead. */
  async handOver(actor: AuthUser, fromStaffId: string, toStaffId: string | null, ip: string): Promise<number> {
    let moved = 0;
    for (let round = 0; round < 1000; round++) {
      const batch = await this.leads.privateLeadsOf(fromStaffId, 200);
      if (!batch.length) break;
      for (const { id } of batch) {
        const now = this.clock.now();
        const handed = await this.transactions.run(async (tx) => {
          const lead = await this.leads.findByIdForUpdate(tx, id);
          if (!lead || lead.ownerStaffId !== fromStaffId || lead.pool !== 'private') return false;
          await this.ownership.transfer(tx, lead, { toStaffId, rule: 'handover', actorStaffId: actor.id, reason: '员工停用', ip }, now);
          return true;
        });
        if (handed) moved++;
      }
    }
    return moved;
  }

  async addFollowUp(user: AuthUser, leadId: string, dto: CreateFollowUpRequest): Promise<FollowUp> {
    const now = this.clock.now();
    const settings = await this.settings.get();
    const followUp = { id: newId(now.getTime()), leadId, staffId: user.id, method: dto.method, note: dto.note, nextAt: dto.nextAt ? new Date(dto.nextAt) : null, createdAt: now };
    await this.transactions.run(async (tx) => {
      const lead = await this.ownedLead(user, leadId, tx);
      // A follow-up renews the protection period and restarts the recycle clock.
      await this.leads.recordFollowUp(tx, followUp, {
        lastFollowUpAt: now,
        ownerActivityAt: now,
        protectedUntil: new Date(now.getTime() + settings.protectionDays * DAY_MS),
        recycleWarnedAt: null,
      });
      if (lead.status === 'new') await this.applyStatus(tx, user, lead, 'contacted', '首次跟进', now);
    });
    return toFollowUp(followUp, new Map([[user.id, user.name]]));
  }

  async changeStatus(user: AuthUser, leadId: string, dto: ChangeLeadStatusRequest): Promise<LeadListItem> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const lead = await this.visibleLead(user, leadId, tx);
      if (user.role === 'staff' && lead.ownerStaffId !== user.id) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工可以修改状态');
      if (!LEAD_STATUS_TRANSITIONS[lead.status].includes(dto.status)) {
        throw AppException.conflict('STATUS_TRANSITION_INVALID', `不能从「${LABELS.leadStatus[lead.status]}」改为「${LABELS.leadStatus[dto.status]}」`);
      }
      await this.applyStatus(tx, user, lead, dto.status, dto.reason ?? null, now);
    });
    return this.item(user, leadId);
  }

  /**
   * Runs the recycling job once: warn owners, then return unattended private leads to the public pool. Each lead is
   * its own unit of work that re-reads it under its lock, so two runs at once (or a follow-up meanwhile) act once.
   */
  async recycle(now = this.clock.now()): Promise<RecycleRunResult> {
    const settings = await this.settings.get();
    const recycleCutoff = new Date(now.getTime() - settings.recycleDays * DAY_MS);
    let warned = 0;
    if (settings.recycleWarnDays > 0) {
      const warnCutoff = new Date(now.getTime() - (settings.recycleDays - settings.recycleWarnDays) * DAY_MS);
      for (let round = 0; round < 100; round++) {
        const batch = await this.leads.warnCandidates(warnCutoff, recycleCutoff, RECYCLE_BATCH);
        let marked = 0;
        for (const { id } of batch) {
          const done = await this.transactions.run(async (tx) => {
            const lead = await this.leads.findByIdForUpdate(tx, id);
            const activity = lead?.ownerActivityAt;
            if (!lead?.ownerStaffId || lead.pool !== 'private' || !OPEN.has(lead.status) || !activity || activity > warnCutoff || activity <= recycleCutoff) return false;
            if (!(await this.leads.markWarned(tx, lead, now))) return false;
            const days = Math.max(1, Math.ceil((activity.getTime() + settings.recycleDays * DAY_MS - now.getTime()) / DAY_MS));
            await this.ownership.notify(tx, lead.ownerStaffId, 'recycle_warning', lead, `${lead.name} 将在 ${days} 天后回到公海，请及时跟进`, now);
            return true;
          });
          if (done) marked++;
        }
        warned += marked;
        if (batch.length < RECYCLE_BATCH || !marked) break;
      }
    }
    let recycled = 0;
    for (let round = 0; round < 100; round++) {
      const batch = await this.leads.recycleCandidates(recycleCutoff, RECYCLE_BATCH);
      let moved = 0;
      for (const { id } of batch) {
        const done = await this.transactions.run(async (tx) => {
          const lead = await this.leads.findByIdForUpdate(tx, id);
          const owner = lead?.ownerStaffId;
          if (!lead || !owner || lead.pool !== 'private' || !OPEN.has(lead.status) || !lead.ownerActivityAt || lead.ownerActivityAt > recycleCutoff) return false;
          await this.ownership.transfer(tx, lead, { toStaffId: null, rule: 'recycled', reason: `${settings.recycleDays} 天未跟进`, settings }, now);
          await this.ownership.notify(tx, owner, 'recycled', lead, `${lead.name} ${settings.recycleDays} 天未跟进，已回到公海`, now);
          return true;
        });
        if (done) moved++;
      }
      recycled += moved;
      if (batch.length < RECYCLE_BATCH || !moved) break;
    }
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

  /** Moves the status along (the row is locked), with its history row, a member row when converted, an audit line for managers. */
  private async applyStatus(tx: Transaction, user: AuthUser, lead: LeadEntity, to: LeadEntity['status'], reason: string | null, now: Date): Promise<void> {
    const changed = await this.leads.changeStatus(tx, lead.id, lead.status, { id: newId(now.getTime()), leadId: lead.id, fromStatus: lead.status, toStatus: to, actorStaffId: user.id, reason, createdAt: now });
    if (!changed) throw AppException.conflict('STATUS_TRANSITION_INVALID', '线索状态刚刚被其他人修改，请刷新后重试');
    if (to === 'converted') await this.leads.insertMemberOnce(tx, { id: newId(now.getTime()), leadId: lead.id, convertedBy: user.id, createdAt: now });
    if (user.role !== 'staff') {
      await this.audit.record({ actorStaffId: user.id, action: 'lead.status', targetType: 'lead', targetId: lead.id, detail: { from: lead.status, to, reason } }, tx);
    }
  }

  /** A lead the user may act on (the same scope as reading it), read with its lock in `tx`; 404 otherwise. */
  private async visibleLead(user: AuthUser, leadId: string, tx: Transaction): Promise<LeadEntity> {
    const lead = await this.leads.findByIdForUpdate(tx, leadId);
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
  private async leftPoolRecently(tx: Transaction, lead: LeadEntity, now: Date): Promise<boolean> {
    const last = await this.leads.latestOwnershipChange(lead.id, tx);
    return Boolean(last && (last.rule === 'claimed' || last.rule === 'public_touch') && now.getTime() - last.createdAt.getTime() < LEFT_POOL_VISIBLE_MS);
  }

  private async ownedLead(user: AuthUser, leadId: string, tx: Transaction): Promise<LeadEntity> {
    const lead = await this.visibleLead(user, leadId, tx);
    if (lead.ownerStaffId !== user.id) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工可以这样做');
    return lead;
  }

  private async item(user: AuthUser, leadId: string): Promise<LeadListItem> {
    const lead = (await this.leads.findById(leadId)) as LeadEntity;
    const names = new Map((await this.staff.findByIds(lead.ownerStaffId ? [lead.ownerStaffId] : [])).map((s) => [s.id, s.name]));
    return toLeadListItem(lead, user, names, await this.settings.get());
  }
}
