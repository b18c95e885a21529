import { Inject, Injectable } from '@nestjs/common';
import type { LeadPool, LeadStatus } from '@fenji/shared';
import { DataSource, In } from 'typeorm';
import { VisitEventEntity } from '../landing/visit-event.entity';
import { VisitorEntity } from '../landing/visitor.entity';
import { LeadEntity } from './lead.entity';
import { OwnershipChangeEntity } from './ownership-change.entity';
import { TouchEntity } from './touch.entity';

export interface LeadPageFilter {
  status?: LeadStatus;
  ownerStaffId?: string;
  branchId?: string;
  pool?: LeadPool;
  /** Matches the name; when it is all digits, also a run of the phone's digits. */
  q?: string;
  /** Id bounds stand for creation-time bounds (ids are ULIDs). */
  minId?: string;
  maxIdExclusive?: string;
  /** Keyset: ids strictly below this one. */
  beforeId?: string;
}

// '!' escapes LIKE wildcards: a backslash would need different quoting on MySQL and SQLite.
const likeEscape = (s: string) => s.replace(/[!%_]/g, (c) => `!${c}`);

@Injectable()
export class LeadRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get leads() {
    return this.dataSource.getRepository(LeadEntity);
  }
  private get touches() {
    return this.dataSource.getRepository(TouchEntity);
  }

  findById(id: string): Promise<LeadEntity | null> {
    return this.leads.findOneBy({ id });
  }

  findByPhone(phone: string): Promise<LeadEntity | null> {
    return this.leads.findOneBy({ phone });
  }

  async insertLead(lead: LeadEntity): Promise<void> {
    await this.leads.insert(lead);
  }

  touchExistsForKey(idempotencyKey: string): Promise<boolean> {
    return this.touches.existsBy({ idempotencyKey });
  }

  async insertTouch(touch: TouchEntity): Promise<void> {
    await this.touches.insert(touch);
  }

  async insertOwnershipChange(change: OwnershipChangeEntity): Promise<void> {
    await this.dataSource.getRepository(OwnershipChangeEntity).insert(change);
  }

  /** One more touch: counted in one atomic update, safe under concurrent submissions. */
  async recordTouchOnLead(leadId: string, at: Date): Promise<void> {
    await this.leads
      .createQueryBuilder()
      .update(LeadEntity)
      .set({ touchCount: () => 'touch_count + 1', lastTouchAt: at })
      .where('id = :leadId', { leadId })
      .execute();
  }

  /** Newest first, keyset-paginated on the primary key; every filter has an index that ends in id. */
  async page(filter: LeadPageFilter, limit: number): Promise<LeadEntity[]> {
    const qb = this.leads.createQueryBuilder('l');
    if (filter.status) qb.andWhere('l.status = :status', { status: filter.status });
    if (filter.ownerStaffId) qb.andWhere('l.owner_staff_id = :owner', { owner: filter.ownerStaffId });
    if (filter.branchId) qb.andWhere('l.branch_id = :branch', { branch: filter.branchId });
    if (filter.pool) qb.andWhere('l.pool = :pool', { pool: filter.pool });
    if (filter.minId) qb.andWhere('l.id >= :minId', { minId: filter.minId });
    if (filter.maxIdExclusive) qb.andWhere('l.id < :maxId', { maxId: filter.maxIdExclusive });
    if (filter.beforeId) qb.andWhere('l.id < :beforeId', { beforeId: filter.beforeId });
    if (filter.q) {
      const like = `%${likeEscape(filter.q)}%`;
      if (/^\d+$/.test(filter.q)) qb.andWhere("(l.name LIKE :like ESCAPE '!' OR l.phone LIKE :like ESCAPE '!')", { like });
      else qb.andWhere("l.name LIKE :like ESCAPE '!'", { like });
    }
    return qb.orderBy('l.id', 'DESC').limit(limit).getMany();
  }

  touchesOf(leadId: string): Promise<TouchEntity[]> {
    return this.touches.find({ where: { leadId }, order: { id: 'ASC' } });
  }

  ownershipChangesOf(leadId: string): Promise<OwnershipChangeEntity[]> {
    return this.dataSource.getRepository(OwnershipChangeEntity).find({ where: { leadId }, order: { id: 'ASC' } });
  }

  /** Visits of every browser stitched to this lead, oldest first (capped). */
  async visitsOf(leadId: string, limit = 500): Promise<VisitEventEntity[]> {
    const visitors = await this.dataSource.getRepository(VisitorEntity).find({ where: { leadId }, select: { id: true } });
    if (!visitors.length) return [];
    return this.dataSource.getRepository(VisitEventEntity).find({ where: { visitorId: In(visitors.map((v) => v.id)) }, order: { id: 'ASC' }, take: limit });
  }

  /** Ties a browser's earlier anonymous visits to the lead it became. */
  async stitchVisitor(visitorId: string, leadId: string, shareId: string, at: Date): Promise<void> {
    const repo = this.dataSource.getRepository(VisitorEntity);
    await repo.createQueryBuilder().insert().into(VisitorEntity).values({ id: visitorId, leadId, firstShareId: shareId, createdAt: at }).orIgnore().execute();
    await repo.createQueryBuilder().update(VisitorEntity).set({ leadId }).where('id = :visitorId AND lead_id IS NULL', { visitorId }).execute();
  }
}
