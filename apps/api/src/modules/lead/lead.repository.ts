import { Inject, Injectable } from '@nestjs/common';
import type { LeadPool, LeadSort, LeadStatus, ShareChannel } from '@fenji/shared';
import { DataSource, In, LessThanOrEqual, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Transaction } from '../../core/database/transaction.runner';
import { LeadSearchGramEntity } from './lead-search-gram.entity';
import { compareLeads, SORT_SPECS, type KeysetAfter, type SortSpec } from './lead-sort.util';
import { searchGramsFor, searchGramsOf } from './lead-search.util';
import { LeadEntity } from './lead.entity';

/** Counting a gram's rows stops here: enough to tell a rare gram from a common one. */
const GRAM_COUNT_CAP = 5000;
const OPEN_STATUSES: LeadStatus[] = ['new', 'contacted', 'qualified'];

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
  /** First brought by a share of this content, through this channel. */
  contentId?: string;
  channel?: ShareChannel;
  tagId?: string;
  /** Last touched in [touchFrom, touchTo]. */
  touchFrom?: Date;
  touchTo?: Date;
  /** Heat in [min, max] (only where the `heat` column exists). */
  heat?: { min: number; max: number };
  /** Private open leads whose planned follow-up is before `now`, or whose recycle clock started at or before `activityBefore`. */
  overdue?: { now: Date; activityBefore: Date };
  /** Private open leads not marked 不再联系 whose planned follow-up is at or before `until`. */
  due?: { until: Date };
}

export interface LeadPageOrder {
  sort: LeadSort;
  after?: KeysetAfter;
}

const CREATED_DESC: LeadPageOrder = { sort: 'created_desc' };
const COLUMN_OF: Record<SortSpec['property'], string> = { id: 'l.id', lastTouchAt: 'l.last_touch_at', nextFollowUpAt: 'l.next_follow_up_at', heat: 'l.heat' };

// '!' escapes LIKE wildcards: a backslash would need different quoting on MySQL and SQLite.
const likeEscape = (s: string) => s.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * The `leads` table and its search grams. Writes take the unit of work (`tx`) they belong to; reads outside one use
 * the data source. `…ForUpdate` reads lock the row until the unit ends, so the rules decide on the row as it is.
 */
@Injectable()
export class LeadRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get leads() {
    return this.dataSource.getRepository(LeadEntity);
  }

  findById(id: string): Promise<LeadEntity | null> {
    return this.leads.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<LeadEntity[]> {
    return ids.length ? this.leads.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByIdForUpdate(tx: Transaction, id: string): Promise<LeadEntity | null> {
    return tx.manager.getRepository(LeadEntity).findOne({ where: { id }, ...tx.forUpdate });
  }

  findByPhoneForUpdate(tx: Transaction, phone: string): Promise<LeadEntity | null> {
    return tx.manager.getRepository(LeadEntity).findOne({ where: { phone }, ...tx.forUpdate });
  }

  /** Inserts the lead and its search grams. A phone already taken fails on the unique index before any gram. */
  async insert(tx: Transaction, lead: LeadEntity): Promise<void> {
    // Every column is given: no read-back of defaults (`updateEntity(false)`), one statement less per new lead.
    await tx.manager.createQueryBuilder().insert().into(LeadEntity).values(lead).updateEntity(false).execute();
    const grams = searchGramsOf(lead.name, lead.phone).map((gram) => ({ gram, leadId: lead.id }));
    await tx.manager.getRepository(LeadSearchGramEntity).insert(grams);
  }

  /** One more touch on an existing lead. */
  async recordTouch(tx: Transaction, leadId: string, at: Date): Promise<void> {
    await tx.manager
      .createQueryBuilder()
      .update(LeadEntity)
      .set({ touchCount: () => 'touch_count + 1', lastTouchAt: at })
      .where('id = :leadId', { leadId })
      .execute();
  }

  /** Applies an ownership change to the lead row, only over the version it replaces. */
  async applyOwnership(tx: Transaction, leadId: string, seq: number, patch: Partial<LeadEntity>): Promise<boolean> {
    const result = await tx.manager.getRepository(LeadEntity).update({ id: leadId, ownershipVersion: seq - 1 }, { ...patch, ownershipVersion: seq });
    return Boolean(result.affected);
  }

  /** A follow-up's renewal of the lead (protection, recycle clock). */
  async renew(tx: Transaction, leadId: string, patch: Pick<LeadEntity, 'lastFollowUpAt' | 'ownerActivityAt' | 'protectedUntil' | 'recycleWarnedAt' | 'nextFollowUpAt'>): Promise<void> {
    await tx.manager.getRepository(LeadEntity).update({ id: leadId }, patch);
  }

  /** 不再联系 and the WeChat ID (the care fields nobody else writes). */
  async updateCare(tx: Transaction, leadId: string, patch: Partial<Pick<LeadEntity, 'doNotContactAt' | 'doNotContactReason' | 'wechatId'>>): Promise<void> {
    await tx.manager.getRepository(LeadEntity).update({ id: leadId }, patch);
  }

  /** An owner's private open leads, not 不再联系, with a planned follow-up before `now` (overdue) and in [now, endOfToday]. */
  async countDueFollowUps(ownerStaffId: string, now: Date, endOfToday: Date): Promise<{ overdue: number; dueToday: number }> {
    const row: { overdue: number | string | null; due_today: number | string | null } | undefined = await this.leads
      .createQueryBuilder('l')
      .select('SUM(CASE WHEN l.next_follow_up_at < :now THEN 1 ELSE 0 END)', 'overdue')
      .addSelect('SUM(CASE WHEN l.next_follow_up_at >= :now THEN 1 ELSE 0 END)', 'due_today')
      .where('l.owner_staff_id = :owner AND l.next_follow_up_at <= :end', { owner: ownerStaffId, end: endOfToday, now })
      .andWhere("l.pool = 'private' AND l.status IN ('new', 'contacted', 'qualified') AND l.do_not_contact_at IS NULL")
      .getRawOne();
    return { overdue: Number(row?.overdue ?? 0), dueToday: Number(row?.due_today ?? 0) };
  }

  /** Changes the status only from the one the caller saw; false when someone changed it first. */
  async changeStatus(tx: Transaction, leadId: string, from: LeadStatus, to: LeadStatus): Promise<boolean> {
    const result = await tx.manager.getRepository(LeadEntity).update({ id: leadId, status: from }, { status: to });
    return Boolean(result.affected);
  }

  /** Private, still-open leads whose recycle clock started at or before `cutoff`. */
  recycleCandidates(cutoff: Date, limit: number): Promise<LeadEntity[]> {
    return this.leads.find({
      where: { pool: 'private', ownerActivityAt: LessThanOrEqual(cutoff), status: In(OPEN_STATUSES) },
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
  async markWarned(tx: Transaction, lead: LeadEntity, at: Date): Promise<boolean> {
    const result = await tx.manager
      .createQueryBuilder()
      .update(LeadEntity)
      .set({ recycleWarnedAt: at })
      .where('id = :id AND ownership_version = :v', { id: lead.id, v: lead.ownershipVersion })
      .andWhere('(recycle_warned_at IS NULL OR recycle_warned_at < owner_activity_at)')
      .execute();
    return Boolean(result.affected);
  }

  /** Private, still-open leads a staff member holds. */
  countHeld(tx: Transaction, staffId: string): Promise<number> {
    return tx.manager.getRepository(LeadEntity).countBy({ ownerStaffId: staffId, pool: 'private', status: In(OPEN_STATUSES) });
  }

  /** Leads per branch (any pool and status). */
  async countByBranch(): Promise<Map<string, number>> {
    const rows: Array<{ branch_id: string; n: number | string }> = await this.leads
      .createQueryBuilder('l')
      .select('l.branch_id', 'branch_id')
      .addSelect('COUNT(*)', 'n')
      .where('l.branch_id IS NOT NULL')
      .groupBy('l.branch_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.branch_id, Number(r.n)]));
  }

  /** A staff member's private open leads, and how many of them have a follow-up planned (a hand-over preview). */
  async heldBy(staffId: string): Promise<{ privateLeads: number; withPlannedFollowUp: number }> {
    const row: { n: number | string | null; planned: number | string | null } | undefined = await this.leads
      .createQueryBuilder('l')
      .select('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN l.next_follow_up_at IS NOT NULL THEN 1 ELSE 0 END)', 'planned')
      .where("l.owner_staff_id = :staffId AND l.pool = 'private' AND l.status IN ('new', 'contacted', 'qualified')", { staffId })
      .getRawOne();
    return { privateLeads: Number(row?.n ?? 0), withPlannedFollowUp: Number(row?.planned ?? 0) };
  }

  privateLeadsOf(staffId: string, limit: number): Promise<LeadEntity[]> {
    return this.leads.find({ where: { ownerStaffId: staffId, pool: 'private' }, order: { id: 'ASC' }, take: limit });
  }

  /** Whether the leads table has the analytics module's `heat` column (the heat sorts and filter need it). */
  hasHeat(): boolean {
    return Boolean(this.dataSource.getMetadata(LeadEntity).findColumnWithPropertyName('heat'));
  }

  /** One page in `order`, keyset-paginated on (sort value, id); every filter has an index that ends in id. */
  async page(filter: LeadPageFilter, limit: number, order: LeadPageOrder = CREATED_DESC): Promise<LeadEntity[]> {
    const { maskedFor, ...plain } = filter;
    if (!maskedFor || !filter.q || !/^\d+$/.test(filter.q)) return this.pageOnce(plain, limit, order);
    // Digits for a caller who sees most phones masked: the caller's own leads by any run of the phone, every
    // other lead only by the digits its masked phone shows; each part walks its own index, then they merge.
    const parts: Array<Promise<LeadEntity[]>> = [this.pageVisibleDigits(plain, filter.q, limit, order)];
    if (!filter.ownerStaffId || filter.ownerStaffId === maskedFor) parts.push(this.pageOnce({ ...plain, ownerStaffId: maskedFor }, limit, order));
    const merged = new Map<string, LeadEntity>();
    for (const rows of await Promise.all(parts)) for (const row of rows) merged.set(row.id, row);
    const spec = SORT_SPECS[order.sort];
    return [...merged.values()].sort((a, b) => compareLeads(a, b, spec)).slice(0, limit);
  }

  /**
   * How many leads match, counted up to `cap` (+1 tells "more than cap"). Past it, `estimate` answers from the
   * optimizer's row estimate (MySQL/MariaDB `EXPLAIN`); SQLite has none, so it counts.
   */
  async count(filter: LeadPageFilter, cap: number): Promise<{ count: number; exact: boolean }> {
    const { maskedFor, ...plain } = filter;
    if (plain.q && (maskedFor || searchGramsFor(plain.q))) {
      // A search counts what it finds (several index walks for masked digits), up to the cap.
      const found = await this.page(filter, cap + 1);
      return { count: Math.min(found.length, cap + 1), exact: found.length <= cap };
    }
    const qb = this.filtered(plain, 'l.id').select('1');
    this.applySearch(qb, plain);
    const [sql, params] = qb.limit(cap + 1).getQueryAndParameters();
    const rows: Array<{ n: number | string }> = await this.dataSource.query(`SELECT COUNT(*) AS n FROM (${sql}) capped`, params);
    const count = Number(rows[0].n);
    if (count <= cap) return { count, exact: true };
    if (this.dataSource.options.type === 'better-sqlite3') {
      const all = this.filtered(plain, 'l.id').select('1');
      this.applySearch(all, plain);
      const [sql2, params2] = all.getQueryAndParameters();
      const exact: Array<{ n: number | string }> = await this.dataSource.query(`SELECT COUNT(*) AS n FROM (${sql2}) c`, params2);
      return { count: Number(exact[0].n), exact: true };
    }
    const [all, allParams] = this.filtered(plain, 'l.id').select('1').getQueryAndParameters();
    const plan: Array<{ rows?: number | string | null }> = await this.dataSource.query(`EXPLAIN ${all}`, allParams);
    const estimate = Math.max(cap + 1, ...plan.map((p) => Number(p.rows ?? 0)));
    return { count: estimate, exact: false };
  }

  /** Leads whose masked phone (`138****5678`) shows the digits `q`, or whose name holds them. */
  private async pageVisibleDigits(filter: LeadPageFilter, q: string, limit: number, order: LeadPageOrder): Promise<LeadEntity[]> {
    if (q.length > 4) return [];
    const { q: _q, ...rest } = filter;
    if (q.length >= 3) return this.pageOnce(rest, limit, order, `v:${q}`);
    const qb = this.filtered(rest, 'l.id');
    qb.andWhere("(l.name LIKE :like ESCAPE '!' OR SUBSTR(l.phone, 1, 3) LIKE :like ESCAPE '!' OR SUBSTR(l.phone, 8, 4) LIKE :like ESCAPE '!')", { like: `%${likeEscape(q)}%` });
    return this.ordered(qb, order, 'l.id').limit(limit).getMany();
  }

  /** The scope and every filter, on the lead (`l.id`) or on a gram's lead id (`g.lead_id`). */
  private filtered(filter: LeadPageFilter, idColumn: 'l.id' | 'g.lead_id') {
    const qb = this.leads.createQueryBuilder('l');
    if (filter.phone) qb.andWhere('l.phone = :phone', { phone: filter.phone });
    if (filter.status) qb.andWhere('l.status = :status', { status: filter.status });
    if (filter.ownerStaffId) qb.andWhere('l.owner_staff_id = :owner', { owner: filter.ownerStaffId });
    if (filter.branchId) qb.andWhere('l.branch_id = :branch', { branch: filter.branchId });
    if (filter.pool) qb.andWhere('l.pool = :pool', { pool: filter.pool });
    if (filter.minId) qb.andWhere(`${idColumn} >= :minId`, { minId: filter.minId });
    if (filter.maxIdExclusive) qb.andWhere(`${idColumn} < :maxId`, { maxId: filter.maxIdExclusive });
    if (filter.contentId) qb.andWhere('l.source_content_id = :contentId', { contentId: filter.contentId });
    if (filter.channel) qb.andWhere('l.source_channel = :channel', { channel: filter.channel });
    if (filter.tagId) qb.andWhere('EXISTS (SELECT 1 FROM lead_tags lt WHERE lt.lead_id = l.id AND lt.tag_id = :tagId)', { tagId: filter.tagId });
    if (filter.touchFrom) qb.andWhere('l.last_touch_at >= :touchFrom', { touchFrom: filter.touchFrom });
    if (filter.touchTo) qb.andWhere('l.last_touch_at <= :touchTo', { touchTo: filter.touchTo });
    if (filter.heat) qb.andWhere('l.heat >= :heatMin AND l.heat <= :heatMax', { heatMin: filter.heat.min, heatMax: filter.heat.max });
    if (filter.overdue || filter.due) qb.andWhere("l.pool = 'private' AND l.status IN ('new', 'contacted', 'qualified')");
    if (filter.overdue) {
      qb.andWhere('(l.next_follow_up_at < :overdueNow OR l.owner_activity_at <= :activityBefore)', { overdueNow: filter.overdue.now, activityBefore: filter.overdue.activityBefore });
    }
    if (filter.due) qb.andWhere('l.do_not_contact_at IS NULL AND l.next_follow_up_at <= :dueUntil', { dueUntil: filter.due.until });
    return qb;
  }

  /** The order and the keyset condition of `order` on `qb` (`idColumn`: the lead id the index walk is ordered by). */
  private ordered<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, order: LeadPageOrder, idColumn: 'l.id' | 'g.lead_id'): SelectQueryBuilder<T> {
    const spec = SORT_SPECS[order.sort];
    const cmp = spec.direction === 'ASC' ? '>' : '<';
    const after = order.after;
    if (spec.property === 'id') {
      if (after) qb.andWhere(`${idColumn} ${cmp} :afterId`, { afterId: after.id });
      return qb.orderBy(idColumn, spec.direction);
    }
    const column = COLUMN_OF[spec.property];
    const value = spec.property === 'heat' || after?.value === null || after === undefined ? after?.value : new Date(after.value as string);
    if (after && after.value === null) {
      // Past the last row with a value: the rows without one, by id.
      qb.andWhere(`${column} IS NULL AND ${idColumn} ${cmp} :afterId`, { afterId: after.id });
    } else if (after) {
      // `column <= v` (or >=) first: a range the (column, id) index can walk; then the tie on v broken by id.
      const range = `${column} ${cmp}= :afterValue AND (${column} ${cmp} :afterValue OR ${idColumn} ${cmp} :afterId)`;
      qb.andWhere(spec.nullsLast ? `(${range} OR ${column} IS NULL)` : range, { afterValue: value, afterId: after.id });
    }
    if (spec.nullsLast) qb.orderBy(`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, 'ASC').addOrderBy(column, spec.direction);
    else qb.orderBy(column, spec.direction);
    return qb.addOrderBy(idColumn, spec.direction);
  }

  /** The text search of `q` (not the masked-digits part): by its rarest gram, then the whole `LIKE` on those rows. */
  private applySearch<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, filter: LeadPageFilter, gram?: string): void {
    if (!filter.q) return;
    const like = `%${likeEscape(filter.q)}%`;
    const search = searchGramsFor(filter.q);
    if (search && gram) {
      qb.innerJoin(LeadSearchGramEntity, 'g', 'g.lead_id = l.id AND g.gram = :gram', { gram });
      qb.andWhere(search.field === 'phone' ? "l.phone LIKE :like ESCAPE '!'" : "l.name LIKE :like ESCAPE '!'", { like });
    } else if (/^\d+$/.test(filter.q)) qb.andWhere("(l.name LIKE :like ESCAPE '!' OR l.phone LIKE :like ESCAPE '!')", { like });
    else qb.andWhere("l.name LIKE :like ESCAPE '!'", { like });
  }

  /** One index walk: by `exactGram` when given, else by the rarest gram of `q`, else by the lead's own indexes. */
  private async pageOnce(filter: LeadPageFilter, limit: number, order: LeadPageOrder, exactGram?: string): Promise<LeadEntity[]> {
    const search = exactGram ? null : filter.q ? searchGramsFor(filter.q) : null;
    // With a search gram in the creation order, walk that gram's leads by id (the gram index is ordered by lead id).
    const byGram = Boolean(search || exactGram) && SORT_SPECS[order.sort].property === 'id';
    const idColumn = byGram ? 'g.lead_id' : 'l.id';
    const qb = this.filtered(filter, idColumn);
    if (exactGram) qb.innerJoin(LeadSearchGramEntity, 'g', 'g.lead_id = l.id AND g.gram = :gram', { gram: exactGram });
    else this.applySearch(qb, filter, search ? await this.rarestGram(search.grams) : undefined);
    return this.ordered(qb, order, idColumn).limit(limit).getMany();
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
}
