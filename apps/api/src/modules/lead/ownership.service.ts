import { Inject, Injectable, Logger } from '@nestjs/common';
import { POOL_LABELS, type OwnershipRule, type PoolSettings } from '@fenji/shared';
import { AuditService } from '../../core/audit/audit.service';
import { Clock } from '../../core/clock/clock';
import { idFloor, newId } from '../../core/database/id.util';
import type { Transaction } from '../../core/database/transaction.runner';
import { StaffRepository } from '../org/staff.repository';
import type { LeadEntity } from './lead.entity';
import { LeadRepository } from './lead.repository';
import type { NotificationKind } from './notification.entity';
import type { OwnershipChangeEntity } from './ownership-change.entity';
import { PoolSettingsService } from './pool-settings.service';

const DAY_MS = 24 * 3600 * 1000;

export interface OwnershipTarget {
  /** null: the public pool. */
  toStaffId: string | null;
  rule: OwnershipRule;
  actorStaffId?: string | null;
  reason?: string | null;
  shareId?: string | null;
  ip?: string | null;
  /** The rules as already read (inside a transaction nothing is read outside it). */
  settings?: PoolSettings;
}

/** The lead row after an ownership change: one function, used to apply a change and to repair one. */
export function leadPatchFor(change: OwnershipChangeEntity, settings: PoolSettings): Partial<LeadEntity> {
  const at = change.createdAt;
  if (change.toPool === 'private') {
    return {
      ownerStaffId: change.toStaffId,
      pool: 'private',
      branchId: change.toBranchId,
      ownerActivityAt: at,
      protectedUntil: new Date(at.getTime() + settings.protectionDays * DAY_MS),
      recycleWarnedAt: null,
    };
  }
  return {
    ownerStaffId: null,
    pool: 'public',
    branchId: change.toBranchId,
    ownerActivityAt: null,
    protectedUntil: null,
    recycleWarnedAt: null,
    releasedByStaffId: change.fromStaffId,
    releasedAt: change.fromStaffId ? at : null,
  };
}

/**
 * Every change of a lead's owner goes through `transfer`: the numbered history row is written first
 * (its unique (lead_id, seq) lets exactly one racing change win), then the lead row moves to it.
 */
@Injectable()
export class OwnershipService {
  private readonly logger = new Logger('Ownership');

  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Moves `lead` (as read, at its ownership version) to `target`; false when another change won the race.
   * Inside a transaction (`tx`) both writes go through it, and the audit line and notification follow its commit.
   */
  async transfer(lead: LeadEntity, target: OwnershipTarget, now = this.clock.now(), tx?: Transaction): Promise<boolean> {
    const toBranchId = target.toStaffId ? ((await this.staff.findById(target.toStaffId, tx?.manager))?.branchId ?? null) : lead.branchId;
    const change: OwnershipChangeEntity = {
      id: newId(now.getTime()),
      leadId: lead.id,
      seq: lead.ownershipVersion + 1,
      fromStaffId: lead.ownerStaffId,
      toStaffId: target.toStaffId,
      toPool: target.toStaffId ? 'private' : 'public',
      toBranchId,
      rule: target.rule,
      actorStaffId: target.actorStaffId ?? null,
      reason: target.reason ?? null,
      shareId: target.shareId ?? null,
      createdAt: now,
    };
    const settings = target.settings ?? (await this.settings.get());
    if (!(await this.leads.insertOwnershipChange(change, tx?.manager))) return false;
    await this.leads.applyOwnership(lead.id, change.seq, leadPatchFor(change, settings), tx?.manager);
    if (tx) tx.afterCommit(() => this.announce(lead, target, change, now));
    else await this.announce(lead, target, change, now);
    return true;
  }

  /** Every change of owner is in the audit log too (by a person, or by a rule: no actor); an assignee is told. */
  private async announce(lead: LeadEntity, target: OwnershipTarget, change: OwnershipChangeEntity, now: Date): Promise<void> {
    await this.audit.record({
      actorStaffId: target.actorStaffId ?? null,
      action: `lead.${target.rule}`,
      targetType: 'lead',
      targetId: lead.id,
      detail: { from: change.fromStaffId, to: change.toStaffId, seq: change.seq, reason: change.reason, shareId: change.shareId },
      ip: target.ip ?? null,
    });
    if (target.toStaffId && target.toStaffId !== target.actorStaffId && (target.rule === 'assigned' || target.rule === 'handover')) {
      await this.notify(target.toStaffId, 'assigned', lead, `${lead.name} 已分配给你（${POOL_LABELS.ownershipRule[target.rule]}${target.reason ? `：${target.reason}` : ''}）`, now);
    }
  }

  async notify(staffId: string, kind: NotificationKind, lead: LeadEntity, message: string, now = this.clock.now()): Promise<void> {
    await this.leads.insertNotification({ id: newId(now.getTime()), staffId, kind, leadId: lead.id, message: message.slice(0, 300), createdAt: now, readAt: null });
  }

  /**
   * Replays ownership changes written in the last `hours` that their lead does not show yet (a process
   * died between the two writes). Safe to run anywhere, any time: each replay is conditional.
   */
  async repair(hours = 48): Promise<number> {
    const since = idFloor(new Date(this.clock.now().getTime() - hours * 3600 * 1000));
    const pending = await this.leads.unappliedOwnershipChanges(since);
    const settings = await this.settings.get();
    let repaired = 0;
    for (const change of pending) {
      if (await this.leads.applyOwnership(change.leadId, change.seq, leadPatchFor(change, settings))) repaired++;
    }
    if (repaired) this.logger.warn(`replayed ${repaired} ownership change(s) a crash had left unapplied`);
    return repaired;
  }
}
