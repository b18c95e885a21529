import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from '@fenji/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { Clock } from '../../core/clock/clock';
import { PoolSettingsEntity } from './pool-settings.entity';

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

/** HQ's pool rules; defaults until HQ saves its own. Other processes see a change within five seconds. */
@Injectable()
export class PoolSettingsService {
  private cached: { value: PoolSettings; until: number } | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(PoolSettingsEntity);
  }

  async get(): Promise<PoolSettings> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.value;
    const row = await this.repo.findOneBy({ id: ROW_ID });
    const value = row ? toSettings(row) : { ...DEFAULT_POOL_SETTINGS };
    this.cached = { value, until: Date.now() + CACHE_MS };
    return value;
  }

  async update(actor: AuthUser, settings: PoolSettings, ip: string): Promise<PoolSettings> {
    const before = await this.get();
    await this.repo.upsert({ id: ROW_ID, ...settings, updatedBy: actor.id, updatedAt: this.clock.now() }, ['id']);
    this.cached = null;
    await this.audit.record({ actorStaffId: actor.id, action: 'pool_settings.update', targetType: 'pool_settings', targetId: ROW_ID, detail: { before, after: settings }, ip });
    return settings;
  }
}
