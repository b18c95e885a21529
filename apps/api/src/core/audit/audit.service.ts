import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../database/id.util';
import type { Transaction } from '../database/transaction.runner';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorStaffId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

/**
 * The audit log of sign-ins and of changes made by HQ and managers. Never holds a password or token.
 * A change's audit line is written in the change's own unit of work (`tx`): both or neither.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, tx?: Transaction): Promise<void> {
    await (tx?.manager ?? this.dataSource.manager).getRepository(AuditLogEntity).insert({
      id: newId(),
      actorStaffId: entry.actorStaffId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: entry.ip ?? null,
      createdAt: new Date(),
    });
  }

  async listForTarget(targetType: string, targetId: string): Promise<AuditLogEntity[]> {
    return this.dataSource.getRepository(AuditLogEntity).find({ where: { targetType, targetId }, order: { id: 'ASC' } });
  }
}
