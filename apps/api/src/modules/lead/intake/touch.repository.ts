import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { LeadEntity } from '../lead.entity';
import { TouchEntity } from './touch.entity';

/** The `touches` table: every accepted submission, collisions (撞单) among them. */
@Injectable()
export class TouchRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get touches() {
    return this.dataSource.getRepository(TouchEntity);
  }

  findByKey(tx: Transaction, idempotencyKey: string): Promise<TouchEntity | null> {
    return tx.manager.getRepository(TouchEntity).findOne({ where: { idempotencyKey }, select: { id: true, idempotencyHash: true } });
  }

  async insert(tx: Transaction, touch: TouchEntity): Promise<void> {
    await tx.manager.getRepository(TouchEntity).insert(touch);
  }

  touchesOf(leadId: string): Promise<TouchEntity[]> {
    return this.touches.find({ where: { leadId }, order: { id: 'ASC' } });
  }

  /** Collisions, newest first; within a branch when `branchId` is given; open (unresolved) or resolved one way. */
  async collisionsPage(branchId: string | null, beforeId: string | undefined, limit: number, state?: 'open' | 'kept' | 'reassigned'): Promise<TouchEntity[]> {
    const qb = this.touches.createQueryBuilder('t').where('t.collision = :yes', { yes: true });
    if (beforeId) qb.andWhere('t.id < :beforeId', { beforeId });
    if (branchId) qb.innerJoin(LeadEntity, 'l', 'l.id = t.lead_id').andWhere('l.branch_id = :branchId', { branchId });
    if (state === 'open') qb.leftJoin('collision_resolutions', 'r', 'r.touch_id = t.id').andWhere('r.touch_id IS NULL');
    else if (state) qb.innerJoin('collision_resolutions', 'r', 'r.touch_id = t.id AND r.action = :state', { state });
    return qb.orderBy('t.id', 'DESC').limit(limit).getMany();
  }

  findCollision(id: string): Promise<TouchEntity | null> {
    return this.touches.findOneBy({ id, collision: true });
  }
}
