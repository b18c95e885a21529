import { Inject, Injectable } from '@nestjs/common';
import type { PrivacyRequestStatus } from '@fenji/shared';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { PrivacyRequestEntity } from './privacy-request.entity';

const LIST_LIMIT = 500;

@Injectable()
export class PrivacyRequestRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(request: PrivacyRequestEntity): Promise<void> {
    await this.dataSource.getRepository(PrivacyRequestEntity).insert(request);
  }

  /** Newest first; the open ones are few (each is answered within 15 working days). */
  list(status: PrivacyRequestStatus | undefined): Promise<PrivacyRequestEntity[]> {
    return this.dataSource.getRepository(PrivacyRequestEntity).find({ where: status ? { status } : {}, order: { id: 'DESC' }, take: LIST_LIMIT });
  }

  findForUpdate(tx: Transaction, id: string): Promise<PrivacyRequestEntity | null> {
    return tx.manager.getRepository(PrivacyRequestEntity).findOne({ where: { id }, ...tx.forUpdate });
  }

  async markDone(tx: Transaction, id: string, patch: Pick<PrivacyRequestEntity, 'handledAt' | 'handledBy' | 'note'>): Promise<void> {
    await tx.manager.getRepository(PrivacyRequestEntity).update({ id }, { ...patch, status: 'done' });
  }
}
