import { Injectable } from '@nestjs/common';
import type { Transaction } from '../../core/database/transaction.runner';
import { LeadEntity } from './lead.entity';

/** The lead's heat columns, which analytics keeps current as the lead's visitors are seen. */
@Injectable()
export class LeadHeatRepository {
  async setHeat(tx: Transaction, leadId: string, heat: number, heatReason: string): Promise<void> {
    await tx.manager.getRepository(LeadEntity).update({ id: leadId }, { heat, heatReason });
  }
}
