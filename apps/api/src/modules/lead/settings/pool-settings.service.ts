import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AuditService } from '../../../core/audit/audit.service';
import { Clock } from '../../../core/clock/clock';
import { type Transaction, TransactionRunner } from '../../../core/database/transaction.runner';
import type { PoolSettingsEntity } from './pool-settings.entity';
import { PoolSettingsRepository } from './pool-settings.repository';

const ROW_ID = 'default';
const CACHE_MS = 5000;

const toSettings = (row: PoolSettingsEntity): PoolSettings => ({
  protectionDays: row.protectionDays,
  recycleDays: row.recycleDays,
  recycleWarnDays: row.recycleWarnDays,
  claimDailyCap: row.claimDailyCap,
  claimHoldCap: row.claimHoldCap,
  reclaimBlockDays: row.reclaimBlockDays,
});

/**
 * HQ's pool rules; defaults until HQ saves its own. Kept five seconds in each process (one value: a timestamp is
 * all the cache it needs), so other processes see a change within five seconds.
 */
@Injectable()
export class PoolSettingsService {
  private cached: { value: PoolSettings; until: number } | null = null;

  constructor(
    @Inject(PoolSettingsRepository) private readonly settings: PoolSettingsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** Inside a unit of work pass its `tx`: a miss of the cache is then read through it. */
  async get(tx?: Transaction): Promise<PoolSettings> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.value;
    const row = await this.settings.find(ROW_ID, tx);
    const value = row ? toSettings(row) : { ...DEFAULT_POOL_SETTINGS };
    this.cached = { value, until: Date.now() + CACHE_MS };
    return value;
  }

  async update(actor: AuthUser, settings: PoolSettings, ip: string): Promise<PoolSettings> {
    const before = await this.get();
    await this.transactions.run(async (tx) => {
      await this.settings.save(tx, { id: ROW_ID, ...settings, updatedBy: actor.id, updatedAt: this.clock.now() });
      await this.audit.record({ actorStaffId: actor.id, action: 'pool_settings.update', targetType: 'pool_settings', targetId: ROW_ID, detail: { before, after: settings }, ip }, tx);
      tx.afterCommit(() => {
        this.cached = null;
      });
    });
    return settings;
  }
}
