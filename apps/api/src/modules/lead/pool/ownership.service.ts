import { Inject, Injectable } from '@nestjs/common';
import { POOL_LABELS, type OwnershipRule, type PoolSettings } from '@fenji/shared';
import { AuditService } from '../../../core/audit/audit.service';
import { DAY_MS } from '../../../core/clock/clock';
import { newId } from '../../../core/database/id.util';
import { TransactionConflict, type Transaction } from '../../../core/database/transaction.runner';
import { OrgService } from '../../org/org.service';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import { NotificationService } from './notification.service';
import type { OwnershipChangeEntity } from './ownership-change.entity';
import { OwnershipRepository } from './ownership.repository';
import { PoolSettingsService } from '../settings/pool-settings.service';

export interface OwnershipTarget {
  /** null: the public pool. */
  toStaffId: string | null;
  rule: OwnershipRule;
  actorStaffId?: string | null;
  reason?: string | null;
  shareId?: string | null;
  ip?: string | null;
  /** The rules as already read by the caller. */
  settings?: PoolSettings;
  /** To the public pool of this branch (default: the lead's own branch). */
  toPoolOfBranchId?: string;
}

/** The lead row after an ownership change. */
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
      // A planned follow-up was the previous owner's plan.
      nextFollowUpAt: null,
    };
  }
  return {
    ownerStaffId: null,
    pool: 'public',
    branchId: change.toBranchId,
    ownerActivityAt: null,
    protectedUntil: null,
    recycleWarnedAt: null,
    nextFollowUpAt: null,
    releasedByStaffId: change.fromStaffId,
    releasedAt: change.fromStaffId ? at : null,
  };
}

/**
 * Every change of a lead's owner goes through `transfer`, inside the unit of work of the operation that causes
 * it: the numbered history row (its unique (lead_id, seq) lets exactly one racing change win), the lead row
 * moved over the version it replaces, the audit line, and the assignee's notification commit together.
 */
@Injectable()
export class OwnershipService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(OwnershipRepository) private readonly changes: OwnershipRepository,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(NotificationService) private readonly notifications: NotificationService,
  ) {}

  /**
   * Moves `lead`, read with its lock in `tx`, to `target`. Under the lock the next seq is free; should another
   * change have taken it (a lead read without its lock), the whole unit is run again (`TransactionConflict`).
   */
  async transfer(tx: Transaction, lead: LeadEntity, target: OwnershipTarget, now: Date): Promise<void> {
    const toBranchId = target.toStaffId ? ((await this.org.staffById(target.toStaffId, tx))?.branchId ?? null) : (target.toPoolOfBranchId ?? lead.branchId);
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
    const settings = target.settings ?? (await this.settings.get(tx));
    const applied = (await this.changes.insert(tx, change)) && (await this.leads.applyOwnership(tx, lead.id, change.seq, leadPatchFor(change, settings)));
    if (!applied) throw new TransactionConflict(`lead ${lead.id} changed before its ownership change ${change.seq}`);
    await this.announce(tx, lead, target, change, now);
  }

  /** The first change of a new lead (seq 1, its row already shows it), and its audit line. */
  async recordFirstTouch(tx: Transaction, lead: LeadEntity, shareId: string, now: Date): Promise<void> {
    const change: OwnershipChangeEntity = {
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
      shareId,
      createdAt: now,
    };
    await this.changes.insert(tx, change);
    await this.audit.record({ actorStaffId: null, action: 'lead.first_touch', targetType: 'lead', targetId: lead.id, detail: { to: lead.ownerStaffId, seq: 1, shareId } }, tx);
  }

  /** Every change of owner is in the audit log too (by a person, or by a rule: no actor); an assignee is told. */
  private async announce(tx: Transaction, lead: LeadEntity, target: OwnershipTarget, change: OwnershipChangeEntity, now: Date): Promise<void> {
    await this.audit.record(
      {
        actorStaffId: target.actorStaffId ?? null,
        action: `lead.${target.rule}`,
        targetType: 'lead',
        targetId: lead.id,
        detail: { from: change.fromStaffId, to: change.toStaffId, seq: change.seq, reason: change.reason, shareId: change.shareId },
        ip: target.ip ?? null,
      },
      tx,
    );
    if (target.toStaffId && target.toStaffId !== target.actorStaffId && (target.rule === 'assigned' || target.rule === 'handover')) {
      await this.notifications.notify(tx, target.toStaffId, 'assigned', lead, `${lead.name} 已分配给你（${POOL_LABELS.ownershipRule[target.rule]}${target.reason ? `：${target.reason}` : ''}）`, now);
    }
  }
}
