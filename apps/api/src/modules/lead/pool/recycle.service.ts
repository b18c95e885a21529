import { Inject, Injectable } from '@nestjs/common';
import type { RecycleRunResult } from '@fenji/shared';
import { Clock, DAY_MS } from '../../../core/clock/clock';
import { TransactionRunner } from '../../../core/database/transaction.runner';
import { LeadRepository } from '../lead.repository';
import { NotificationService } from './notification.service';
import { OwnershipService } from './ownership.service';
import { PoolSettingsService } from '../settings/pool-settings.service';

const RECYCLE_BATCH = 500;
const OPEN = new Set(['new', 'contacted', 'qualified']);

/**
 * The recycling job: warn owners, then return unattended private leads to the public pool. Each lead is its own
 * unit of work that re-reads it under its lock, so two runs at once (or a follow-up meanwhile) act once.
 */
@Injectable()
export class RecycleService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(OwnershipService) private readonly ownership: OwnershipService,
    @Inject(NotificationService) private readonly notifications: NotificationService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

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
            await this.notifications.notify(tx, lead.ownerStaffId, 'recycle_warning', lead, `${lead.name} 将在 ${days} 天后回到公海，请及时跟进`, now);
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
          await this.notifications.notify(tx, owner, 'recycled', lead, `${lead.name} ${settings.recycleDays} 天未跟进，已回到公海`, now);
          return true;
        });
        if (done) moved++;
      }
      recycled += moved;
      if (batch.length < RECYCLE_BATCH || !moved) break;
    }
    return { recycled, warned };
  }
}
