import { Inject, Injectable } from '@nestjs/common';
import type { LeadPool, LeadStatus } from '@fenji/shared';
import { DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { isUniqueViolation } from '../../core/database/db-errors.util';
import { FollowUpEntity } from './follow-up.entity';
import { LeadSearchGramEntity } from './lead-search-gram.entity';
import { searchGramsFor, searchGramsOf } from './lead-search.util';

/** Counting a gram's rows stops here: enough to tell a rare gram from a common one. */
const GRAM_COUNT_CAP = 5000;
import { LeadStatusChangeEntity } from './lead-status-change.entity';
import { MemberEntity } from './member.entity';
import { NotificationEntity } from './notification.entity';
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
  /** Matches the name; when it is all digits, also a run of the phone's digits (see `maskedFor`). */
  q?: string;
  /** Exactly this normalized phone (a complete number typed into `q`): the unique index finds it. */
  phone?: string;
  /**
   * Set when the caller sees phones masked except on the leads this staff member owns: a digit run of `q`
   * then matches the whole phone of those leads only, and elsewhere only the digits a masked phone shows.
   */
  maskedFor?: string;
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

  /** Inserts the lead, then its search grams (a unique phone makes a duplicate fail before any gram). */
  async insertLead(lead: LeadEntity): Promise<void> {
    await this.leads.insert(lead);
    const grams = searchGramsOf(lead.name, lead.phone).map((gram) => ({ gram, leadId: lead.id }));
    await this.dataSource.createQueryBuilder().insert().into(LeadSearchGramEntity).values(grams).orIgnore().execute();
  }

  touchForKey(idempotencyKey: string): Promise<TouchEntity | null> {
    return this.touches.findOne({ where: { idempotencyKey }, select: { id: true, idempotencyHash: true } });
  }

  async insertTouch(touch: TouchEntity): Promise<void> {
    await this.touches.insert(touch);
  }

  private get changes() {
    return this.dataSource.getRepository(OwnershipChangeEntity);
  }

  /** Writes an ownership change; false when another change already took that seq (a lost race). */
  async insertOwnershipChange(change: OwnershipChangeEntity, manager?: EntityManager): Promise<boolean> {
    try {
      await (manager ?? this.dataSource.manager).getRepository(OwnershipChangeEntity).insert(change);
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  latestOwnershipChange(leadId: string): Promise<OwnershipChangeEntity | null> {
    return this.changes.findOne({ where: { leadId }, order: { seq: 'DESC' } });
  }

  /** Applies an ownership change to the lead row, only over the version it replaces. */
  async applyOwnership(leadId: string, seq: number, patch: Partial<LeadEntity>, manager?: EntityManager): Promise<boolean> {
    const result = await (manager ?? this.dataSource.manager).getRepository(LeadEntity).update({ id: leadId, ownershipVersion: seq - 1 }, { ...patch, ownershipVersion: seq });
    return Boolean(result.affected);
  }

  /** Ownership changes written since `sinceId` that their lead does not reflect yet (a crash in between). */
  async unappliedOwnershipChanges(sinceId: string): Promise<OwnershipChangeEntity[]> {
    return this.changes
      .createQueryBuilder('c')
      .innerJoin(LeadEntity, 'l', 'l.id = c.lead_id')
      .where('c.id >= :sinceId', { sinceId })
      .andWhere('c.seq > l.ownership_version')
      .orderBy('c.lead_id')
      .addOrderBy('c.seq')
      .getMany();
  }

  /** Private, still-open leads whose recycle clock started at or before `cutoff`. */
  recycleCandidates(cutoff: Date, limit: number): Promise<LeadEntity[]> {
    return this.leads.find({
      where: { pool: 'private', ownerActivityAt: LessThanOrEqual(cutoff), status: In(['new', 'contacted', 'qualified']) },
      order: { ownerActivityAt: 'ASC' },
      take: limit,
    });
  }

  /** Private open leads due for a recycle warning that have not had one since their clock last started. */
  async warnCandidates(warnCutoff: Date, recycleCutoff: Date, limit: number): Promise<LeadEntity[]> {
    return this.leads
      .createQueryBuilder('l')
      .where("l.pool = 'private'")
      .andWhere("l.status IN ('new', 'contacted', 'qualified')")
      .andWhere('l.owner_activity_at <= :warnCutoff AND l.owner_activity_at > :recycleCutoff', { warnCutoff, recycleCutoff })
      .andWhere('(l.recycle_warned_at IS NULL OR l.recycle_warned_at < l.owner_activity_at)')
      .orderBy('l.owner_activity_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Marks one warning; true for exactly one of several racing job runs. */
  async markWarned(lead: LeadEntity, at: Date): Promise<boolean> {
    const result = await this.leads
      .createQueryBuilder()
      .update(LeadEntity)
      .set({ recycleWarnedAt: at })
      .where('id = :id AND ownership_version = :v', { id: lead.id, v: lead.ownershipVersion })
      .andWhere('(recycle_warned_at IS NULL OR recycle_warned_at < owner_activity_at)')
      .execute();
    return Boolean(result.affected);
  }

  async recordFollowUp(followUp: FollowUpEntity, leadPatch: Partial<LeadEntity>): Promise<void> {
    await this.dataSource.getRepository(FollowUpEntity).insert(followUp);
    await this.leads.update({ id: followUp.leadId }, leadPatch);
  }

  followUpsOf(leadId: string): Promise<FollowUpEntity[]> {
    return this.dataSource.getRepository(FollowUpEntity).find({ where: { leadId }, order: { id: 'ASC' } });
  }

  /** Changes the status only from the one the caller saw; false when someone changed it first. */
  async changeStatus(leadId: string, from: LeadStatus, change: LeadStatusChangeEntity): Promise<boolean> {
    const result = await this.leads.update({ id: leadId, status: from }, { status: change.toStatus });
    if (!result.affected) return false;
    await this.dataSource.getRepository(LeadStatusChangeEntity).insert(change);
    return true;
  }

  statusChangesOf(leadId: string): Promise<LeadStatusChangeEntity[]> {
    return this.dataSource.getRepository(LeadStatusChangeEntity).find({ where: { leadId }, order: { id: 'ASC' } });
  }

  async insertMemberOnce(member: MemberEntity): Promise<void> {
    try {
      await this.dataSource.getRepository(MemberEntity).insert(member);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  findMember(leadId: string): Promise<MemberEntity | null> {
    return this.dataSource.getRepository(MemberEntity).findOneBy({ leadId });
  }

  /** Private, still-open leads a staff member holds. */
  countHeld(staffId: string, manager?: EntityManager): Promise<number> {
    return (manager ?? this.dataSource.manager).getRepository(LeadEntity).countBy({ ownerStaffId: staffId, pool: 'private', status: In(['new', 'contacted', 'qualified']) });
  }

  privateLeadsOf(staffId: string, limit: number): Promise<LeadEntity[]> {
    return this.leads.find({ where: { ownerStaffId: staffId, pool: 'private' }, order: { id: 'ASC' }, take: limit });
  }

  /** Collisions (撞单), newest first; within a branch when `branchId` is given. */
  async collisionsPage(branchId: string | null, beforeId: string | undefined, limit: number): Promise<TouchEntity[]> {
    const qb = this.touches.createQueryBuilder('t').where('t.collision = :yes', { yes: true });
    if (beforeId) qb.andWhere('t.id < :beforeId', { beforeId });
    if (branchId) qb.innerJoin(LeadEntity, 'l', 'l.id = t.lead_id').andWhere('l.branch_id = :branchId', { branchId });
    return qb.orderBy('t.id', 'DESC').limit(limit).getMany();
  }

  findByIds(ids: string[]): Promise<LeadEntity[]> {
    return ids.length ? this.leads.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async insertNotification(notification: NotificationEntity): Promise<void> {
    await this.dataSource.getRepository(NotificationEntity).insert(notification);
  }

  notificationsOf(staffId: string, limit: number): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({ where: { staffId }, order: { id: 'DESC' }, take: limit });
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
    const { maskedFor, ...plain } = filter;
    if (!maskedFor || !filter.q || !/^\d+$/.test(filter.q)) return this.pageOnce(plain, limit);
    // Digits for a caller who sees most phones masked: the caller's own leads by any run of the phone, every
    // other lead only by the digits its masked phone shows; each part walks its own index, then they merge.
    const parts: Array<Promise<LeadEntity[]>> = [this.pageVisibleDigits(plain, filter.q, limit)];
    if (!filter.ownerStaffId || filter.ownerStaffId === maskedFor) parts.push(this.pageOnce({ ...plain, ownerStaffId: maskedFor }, limit));
    const merged = new Map<string, LeadEntity>();
    for (const rows of await Promise.all(parts)) for (const row of rows) merged.set(row.id, row);
    return [...merged.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, limit);
  }

  /** Leads whose masked phone (`138****5678`) shows the digits `q`, or whose name holds them. */
  private async pageVisibleDigits(filter: LeadPageFilter, q: string, limit: number): Promise<LeadEntity[]> {
    if (q.length > 4) return [];
    const { q: _q, ...rest } = filter;
    if (q.length >= 3) return this.pageOnce(rest, limit, `v:${q}`);
    const qb = this.filtered(rest, 'l.id');
    qb.andWhere("(l.name LIKE :like ESCAPE '!' OR SUBSTR(l.phone, 1, 3) LIKE :like ESCAPE '!' OR SUBSTR(l.phone, 8, 4) LIKE :like ESCAPE '!')", { like: `%${likeEscape(q)}%` });
    return qb.orderBy('l.id', 'DESC').limit(limit).getMany();
  }

  /** The scope, status, pool and id filters, on the lead (`l.id`) or on a gram's lead id (`g.lead_id`). */
  private filtered(filter: LeadPageFilter, idColumn: 'l.id' | 'g.lead_id') {
    const qb = this.leads.createQueryBuilder('l');
    if (filter.phone) qb.andWhere('l.phone = :phone', { phone: filter.phone });
    if (filter.status) qb.andWhere('l.status = :status', { status: filter.status });
    if (filter.ownerStaffId) qb.andWhere('l.owner_staff_id = :owner', { owner: filter.ownerStaffId });
    if (filter.branchId) qb.andWhere('l.branch_id = :branch', { branch: filter.branchId });
    if (filter.pool) qb.andWhere('l.pool = :pool', { pool: filter.pool });
    if (filter.minId) qb.andWhere(`${idColumn} >= :minId`, { minId: filter.minId });
    if (filter.maxIdExclusive) qb.andWhere(`${idColumn} < :maxId`, { maxId: filter.maxIdExclusive });
    if (filter.beforeId) qb.andWhere(`${idColumn} < :beforeId`, { beforeId: filter.beforeId });
    return qb;
  }

  /** One index walk: by `exactGram` when given, else by the rarest gram of `q`, else by the lead's own indexes. */
  private async pageOnce(filter: LeadPageFilter, limit: number, exactGram?: string): Promise<LeadEntity[]> {
    const search = exactGram ? null : filter.q ? searchGramsFor(filter.q) : null;
    // With a search gram, walk that gram's leads newest first (the gram index is ordered by lead id).
    const idColumn = search || exactGram ? 'g.lead_id' : 'l.id';
    const qb = this.filtered(filter, idColumn);
    if (exactGram) {
      qb.innerJoin(LeadSearchGramEntity, 'g', 'g.lead_id = l.id AND g.gram = :gram', { gram: exactGram });
      return qb.orderBy(idColumn, 'DESC').limit(limit).getMany();
    }
    if (filter.q) {
      const like = `%${likeEscape(filter.q)}%`;
      if (search) {
        // Start from the leads that share the query's rarest gram, then check the whole query on those only.
        qb.innerJoin(LeadSearchGramEntity, 'g', 'g.lead_id = l.id AND g.gram = :gram', { gram: await this.rarestGram(search.grams) });
        qb.andWhere(search.field === 'phone' ? "l.phone LIKE :like ESCAPE '!'" : "l.name LIKE :like ESCAPE '!'", { like });
      } else if (/^\d+$/.test(filter.q)) qb.andWhere("(l.name LIKE :like ESCAPE '!' OR l.phone LIKE :like ESCAPE '!')", { like });
      else qb.andWhere("l.name LIKE :like ESCAPE '!'", { like });
    }
    return qb.orderBy(idColumn, 'DESC').limit(limit).getMany();
  }

  /** The gram with the fewest leads (counted up to a cap, so a common gram costs little to rule out). */
  private async rarestGram(grams: string[]): Promise<string> {
    if (grams.length === 1) return grams[0];
    let best = grams[0];
    let bestCount = Infinity;
    for (const gram of grams) {
      const rows: Array<{ n: number | string }> = await this.dataSource.query(
        'SELECT COUNT(*) AS n FROM (SELECT 1 FROM lead_search_grams WHERE gram = ? LIMIT ?) capped',
        [gram, GRAM_COUNT_CAP],
      );
      const count = Number(rows[0].n);
      if (count < bestCount) [best, bestCount] = [gram, count];
      if (count === 0) break;
    }
    return best;
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
