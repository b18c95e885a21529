import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from '../../core/database/transaction.runner';
import { LeadHeatRepository } from './lead-heat.repository';
import { type LeadStatsFilter, LeadStatsRepository } from './lead-stats.repository';
import { LeadRepository } from './lead.repository';

/** What analytics may know of and do to leads: names for the radar's labels, their heat, the funnel's counts. */
@Injectable()
export class LeadAnalyticsService {
  constructor(
    @Inject(LeadHeatRepository) private readonly heat: LeadHeatRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(LeadStatsRepository) private readonly stats: LeadStatsRepository,
  ) {}

  /** The dashboards' end of the funnel: leads of the period contacted (or further) and converted. */
  contactedAndConverted(filter: LeadStatsFilter): Promise<{ contacted: number; converted: number }> {
    return this.stats.contactedAndConverted(filter);
  }

  contactedAndConvertedByDay(filter: LeadStatsFilter): Promise<Map<string, { contacted: number; converted: number }>> {
    return this.stats.contactedAndConvertedByDay(filter);
  }

  convertedBy(filter: LeadStatsFilter, by: 'owner' | 'branch'): Promise<Map<string, number>> {
    return this.stats.convertedBy(filter, by);
  }

  referredBy(visitorIds: string[]): Promise<Map<string, number>> {
    return this.stats.referredBy(visitorIds);
  }

  /** The owner's leads that became members in [from, to). */
  convertedOf(ownerStaffId: string, from: Date, to: Date): Promise<number> {
    return this.stats.convertedOf(ownerStaffId, from, to);
  }

  /** In the caller's unit of work: the lead's heat after one of its visitors was seen. */
  setHeat(tx: Transaction, leadId: string, heat: number, heatReason: string): Promise<void> {
    return this.heat.setHeat(tx, leadId, heat, heatReason.slice(0, 200));
  }

  /** Lead names by id (the radar's label once a visitor left details). */
  async namesOf(ids: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    return new Map((await this.leads.findByIds(unique)).map((l) => [l.id, l.name]));
  }
}
