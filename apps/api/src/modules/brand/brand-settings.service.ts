import { Inject, Injectable } from '@nestjs/common';
import { BRAND, type BrandSettings, type BrandSettingsAdmin, type UpdateBrandSettingsRequest } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../../core/audit/audit.service';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { BRAND_ROW_ID, BrandSettingsRepository } from './brand-settings.repository';

/** The promise on the confirmation when HQ has not set one. */
export const DEFAULT_CONTACT_WITHIN = '1 个工作日内';
const CACHE_MS = 5_000;

/** What customers' pages need of the brand settings. */
export interface PageBrand {
  brand: BrandSettings;
  contactWithin: string;
}

/**
 * HQ's brand for customers' pages, read often (every landing render), so each process keeps it CACHE_MS; a
 * change made here is seen at once in this process (listeners drop rendered pages), elsewhere within CACHE_MS
 * plus the landing cache's time.
 */
@Injectable()
export class BrandSettingsService {
  private cached: { value: BrandSettingsAdmin; until: number } | null = null;
  private readonly listeners: Array<() => void> = [];

  constructor(
    @Inject(BrandSettingsRepository) private readonly settings: BrandSettingsRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  onChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  async get(): Promise<BrandSettingsAdmin> {
    const now = Date.now();
    if (this.cached && this.cached.until > now) return this.cached.value;
    const row = await this.settings.find();
    const value: BrandSettingsAdmin = row
      ? { name: row.name, logoUrl: row.logoUrl, colorPrimary: row.colorPrimary, contactWithin: row.contactWithin, updatedAt: row.updatedAt.toISOString() }
      : { name: BRAND.name, logoUrl: null, colorPrimary: BRAND.colorPrimary, contactWithin: DEFAULT_CONTACT_WITHIN, updatedAt: null };
    this.cached = { value, until: now + CACHE_MS };
    return value;
  }

  async forPages(): Promise<PageBrand> {
    const s = await this.get();
    return { brand: { name: s.name, logoUrl: s.logoUrl, colorPrimary: s.colorPrimary }, contactWithin: s.contactWithin };
  }

  async update(actor: AuthUser, dto: UpdateBrandSettingsRequest, ip: string): Promise<BrandSettingsAdmin> {
    const row = { id: BRAND_ROW_ID, ...dto, updatedBy: actor.id, updatedAt: new Date() };
    await this.transactions.run(async (tx) => {
      await this.settings.save(tx, row);
      await this.audit.record({ actorStaffId: actor.id, action: 'brand.update', targetType: 'settings', targetId: 'brand', detail: { ...dto }, ip }, tx);
      tx.afterCommit(() => {
        this.cached = null;
        this.listeners.forEach((l) => l());
      });
    });
    return this.get();
  }
}
