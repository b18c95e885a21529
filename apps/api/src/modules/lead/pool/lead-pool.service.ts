import { Inject, Injectable } from '@nestjs/common';
import type { AssignLeadRequest, LeadListItem, PoolSettings } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { chinaDayStart, Clock } from '../../../core/clock/clock';
import { idFloor } from '../../../core/database/id.util';
import { type Transaction, TransactionRunner } from '../../../core/database/transaction.runner';
import { AppException } from '../../../core/errors/app.exception';
import { OrgService } from '../../org/org.service';
import { canSee, reclaimBlocked } from '../access/lead-access.policy';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import { leadNotFound, LeadService } from '../lead.service';
import { OwnershipService, type OwnershipTarget } from './ownership.service';
import { OwnershipRepository } from './ownership.repository';
import { PoolSettingsService } from '../settings/pool-settings.service';

/** A claim of a lead that left the public pool less than this long ago is a lost race (409), not out of sight (404). */
const LEFT_POOL_VISIBLE_MS = 10 * 60 * 1000;


export type TakeOutcome = 'taken' | 'daily_cap' | 'hold_cap';

/**
 * The public and private pools: claims, assignment, release, hand-over. Each operation is one unit of work that
 * first locks the lead's row, so its rules decide on the row as it is.
 */
@Injectable()
export class LeadPoolService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(LeadService) private readonly leadService: LeadService,
    @Inject(OwnershipService) private readonly ownership: OwnershipService,
    @Inject(OwnershipRepository) private readonly changes: OwnershipRepository,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** A staff member takes a lead from the public pool. Of several racing claims exactly one wins. */
  async claim(user: AuthUser, leadId: string, ip: string): Promise<LeadListItem> {
    const now = this.clock.now();
    const settings = await this.settings.get();
    const outcome = await this.transactions.run(async (tx) => {
      const lead = await this.leads.findByIdForUpdate(tx, leadId);
      if (!lead) throw leadNotFound();
      if (lead.pool !== 'public') {
        // Someone else's private lead is out of the caller's sight (404, as reading it is), unless it left the
        // public pool moments ago: then the caller saw it there and lost the race (409).
        if (!canSee(user, lead) && !(await this.leftPoolRecently(tx, lead, now))) throw leadNotFound();
        throw AppException.conflict('LEAD_ALREADY_CLAIMED', '这条线索已被领取');
      }
      if (reclaimBlocked(lead, user.id, settings, now)) {
        throw AppException.conflict('RECLAIM_BLOCKED', `这条线索刚从你名下回到公海，${settings.reclaimBlockDays} 天内不能领回`);
      }
      return this.takeFromPool(tx, user.id, lead, { rule: 'claimed', actorStaffId: user.id, ip }, settings, now);
    });
    if (outcome === 'daily_cap') throw AppException.conflict('CLAIM_LIMIT_REACHED', `今天已领取 ${settings.claimDailyCap} 条，明天再来吧`);
    if (outcome === 'hold_cap') throw AppException.conflict('CLAIM_LIMIT_REACHED', `你名下的线索已达上限（${settings.claimHoldCap} 条），请先跟进或放回公海`);
    return this.leadService.listItem(user, leadId);
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
    await this.org.lockStaff(tx, staffId);
    if ((await this.changes.countTakenFromPool(tx, staffId, idFloor(chinaDayStart(now)))) >= settings.claimDailyCap) return 'daily_cap';
    if ((await this.leads.countHeld(tx, staffId)) >= settings.claimHoldCap) return 'hold_cap';
    await this.ownership.transfer(tx, lead, { ...target, toStaffId: staffId, settings }, now);
    return 'taken';
  }

  /** HQ anywhere, a branch manager within their branch: give a lead to a staff member, or to the public pool. */
  async assign(user: AuthUser, leadId: string, dto: AssignLeadRequest, ip: string): Promise<LeadListItem> {
    await this.checkAssignTarget(user, dto.staffId);
    await this.assignChecked(user, leadId, { staffId: dto.staffId }, dto.reason, ip);
    return this.leadService.listItem(user, leadId);
  }

  /** Whether `user` may assign leads to `staffId` (null: the public pool); throws the single-lead errors otherwise. */
  async checkAssignTarget(user: AuthUser, staffId: string | null): Promise<void> {
    if (user.role === 'staff') throw AppException.forbidden('只有总部或门店负责人可以分配线索');
    if (staffId) {
      const target = await this.org.staffById(staffId);
      if (!target || target.status !== 'active' || (user.role === 'branch_manager' && target.branchId !== user.branchId)) {
        throw AppException.notFound('STAFF_NOT_FOUND', '员工不存在或已停用');
      }
    }
  }

  /**
   * One lead's assignment after `checkAssignTarget`, in its own unit: to a staff member, to the public pool, or (HQ,
   * for bulk moves) to another branch's public pool. False when the lead was already there (nothing written).
   */
  async assignChecked(
    user: AuthUser,
    leadId: string,
    to: { staffId: string | null; poolOfBranchId?: string },
    reason: string,
    ip: string,
    /** More writes of the same unit (a collision's resolution), done whether or not the lead moved. */
    also?: (tx: Transaction) => Promise<void>,
  ): Promise<boolean> {
    const now = this.clock.now();
    return this.transactions.run(async (tx) => {
      const lead = await this.leadService.lockVisible(tx, user, leadId);
      await also?.(tx);
      const sameBranch = to.poolOfBranchId === undefined || to.poolOfBranchId === lead.branchId;
      if (lead.ownerStaffId === to.staffId && lead.pool === (to.staffId ? 'private' : 'public') && sameBranch) return false;
      await this.ownership.transfer(tx, lead, { toStaffId: to.staffId, toPoolOfBranchId: to.poolOfBranchId, rule: 'assigned', actorStaffId: user.id, reason, ip }, now);
      return true;
    });
  }

  /** The owner puts a lead back into the public pool. */
  async release(user: AuthUser, leadId: string, reason: string, ip: string): Promise<LeadListItem> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const lead = await this.leadService.lockOwned(tx, user, leadId);
      await this.ownership.transfer(tx, lead, { toStaffId: null, rule: 'released', actorStaffId: user.id, reason, ip }, now);
    });
    return this.leadService.listItem(user, leadId);
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

  /** Whether the lead was in the public pool (seen by every staff member) until a few minutes ago. */
  private async leftPoolRecently(tx: Transaction, lead: LeadEntity, now: Date): Promise<boolean> {
    const last = await this.changes.latest(tx, lead.id);
    return Boolean(last && (last.rule === 'claimed' || last.rule === 'public_touch') && now.getTime() - last.createdAt.getTime() < LEFT_POOL_VISIBLE_MS);
  }
}
