import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { ConsentEntity } from './consent.entity';

@Injectable()
export class ConsentRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(tx: Transaction, consent: ConsentEntity): Promise<void> {
    await tx.manager.getRepository(ConsentEntity).insert(consent);
  }

  /** A lead's consents, oldest first. */
  forLeads(leadIds: string[]): Promise<ConsentEntity[]> {
    if (!leadIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(ConsentEntity).find({ where: { leadId: In(leadIds) }, order: { id: 'ASC' } });
  }

  /** Keeps the fact of each consent (version, time, share) and drops what pointed to the person's browser and network. */
  async anonymiseForLead(tx: Transaction, leadId: string): Promise<void> {
    await tx.manager.getRepository(ConsentEntity).update({ leadId }, { visitorId: null, ipPrefix: null });
  }
}
