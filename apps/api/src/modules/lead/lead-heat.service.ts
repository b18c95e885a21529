import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from '../../core/database/transaction.runner';
import { LeadHeatRepository } from './lead-heat.repository';
import { LeadRepository } from './lead.repository';

/** What analytics may know of and do to leads: their names for the radar's labels, and their heat. */
@Injectable()
export class LeadHeatService {
  constructor(
    @Inject(LeadHeatRepository) private readonly heat: LeadHeatRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
  ) {}

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
