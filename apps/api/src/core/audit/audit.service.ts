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

export interface AuditPageFilter {
  action?: string;
  targetId?: string;
  /** Only entries by these actors (a branch manager's branch, or a chosen actor). */
  actorIn?: string[];
  minId?: string;
  maxIdExclusive?: string;
  beforeId?: string;
  /** Text in what changed (a reason, a name), or an entry by one of these actors. */
  search?: { text: string; actorIds: string[] };
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

  /** Newest first, keyset on the id (ULIDs: creation order); `detailLike` matches the JSON of what changed. */
  async page(filter: AuditPageFilter, limit: number): Promise<AuditLogEntity[]> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.targetId) qb.andWhere('a.target_id = :targetId', { targetId: filter.targetId });
    if (filter.actorIn) qb.andWhere(filter.actorIn.length ? 'a.actor_staff_id IN (:...actors)' : '1 = 0', { actors: filter.actorIn });
    if (filter.minId) qb.andWhere('a.id >= :minId', { minId: filter.minId });
    if (filter.maxIdExclusive) qb.andWhere('a.id < :maxId', { maxId: filter.maxIdExclusive });
    if (filter.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: filter.beforeId });
    if (filter.search) {
      const like = `%${filter.search.text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      const byActor = filter.search.actorIds.length ? ' OR a.actor_staff_id IN (:...searchActors)' : '';
      qb.andWhere(`(a.detail LIKE :like ESCAPE '!'${byActor})`, { like, searchActors: filter.search.actorIds });
    }
    return qb.orderBy('a.id', 'DESC').limit(limit).getMany();
  }

  async listForTarget(targetType: string, targetId: string): Promise<AuditLogEntity[]> {
    return this.dataSource.getRepository(AuditLogEntity).find({ where: { targetType, targetId }, order: { id: 'ASC' } });
  }
}
