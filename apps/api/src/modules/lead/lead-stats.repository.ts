import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { idFloor } from '../../core/database/id.util';
import { MemberEntity } from './follow-up/member.entity';
import { LeadEntity } from './lead.entity';

/** Which leads a dashboard number counts: created in [from, to), and optionally of one owner, branch or content. */
export interface LeadStatsFilter {
  from: Date;
  to: Date;
  ownerStaffId?: string;
  branchId?: string;
  contentId?: string;
}

const CONTACTED_OR_FURTHER = ['contacted', 'qualified', 'converted'];

/** Counts over `leads` and `members` for the dashboards (ranges on the time-ordered primary key). */
@Injectable()
export class LeadStatsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Leads of the period that reached 已联系 or further, and those converted. */
  async contactedAndConverted(filter: LeadStatsFilter): Promise<{ contacted: number; converted: number }> {
    const row = await this.tail(filter).getRawOne<{ contacted: string | number | null; converted: string | number | null }>();
    return { contacted: Number(row?.contacted ?? 0), converted: Number(row?.converted ?? 0) };
  }

  /** The owner's leads that became members in [from, to). */
  async convertedOf(ownerStaffId: string, from: Date, to: Date): Promise<number> {
    return this.dataSource
      .getRepository(MemberEntity)
      .createQueryBuilder('m')
      .innerJoin(LeadEntity, 'l', 'l.id = m.lead_id')
      .where('m.id >= :fromId AND m.id < :toId AND l.owner_staff_id = :owner', { fromId: idFloor(from), toId: idFloor(to), owner: ownerStaffId })
      .getCount();
  }

  /** Contacted-or-further and converted leads of the period per China-time day of their creation. */
  async contactedAndConvertedByDay(filter: LeadStatsFilter): Promise<Map<string, { contacted: number; converted: number }>> {
    const mysql = this.dataSource.options.type !== 'better-sqlite3';
    const day = mysql ? "DATE_FORMAT(DATE_ADD(l.created_at, INTERVAL 8 HOUR), '%Y-%m-%d')" : "strftime('%Y-%m-%d', l.created_at, '+8 hours')";
    const rows = await this.tail(filter).addSelect(day, 'key').groupBy(day).getRawMany<{ key: string; contacted: string | number | null; converted: string | number | null }>();
    return new Map(rows.map((r) => [String(r.key), { contacted: Number(r.contacted ?? 0), converted: Number(r.converted ?? 0) }]));
  }

  /** Converted leads of the period per owner or per branch. */
  async convertedBy(filter: LeadStatsFilter, by: 'owner' | 'branch'): Promise<Map<string, number>> {
    const column = by === 'owner' ? 'l.owner_staff_id' : 'l.branch_id';
    const rows = await this.tail(filter).addSelect(column, 'key').groupBy(column).getRawMany<{ key: string | null; converted: string | number | null }>();
    return new Map(rows.map((r) => [r.key ?? '', Number(r.converted ?? 0)]));
  }

  /** Leads each of these visitors referred (their re-shares brought them). */
  async referredBy(visitorIds: string[]): Promise<Map<string, number>> {
    if (!visitorIds.length) return new Map();
    const rows = await this.dataSource
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .select('l.referrer_visitor_id', 'key')
      .addSelect('COUNT(*)', 'n')
      .where('l.referrer_visitor_id IN (:...visitorIds)', { visitorIds })
      .groupBy('l.referrer_visitor_id')
      .getRawMany<{ key: string; n: string | number }>();
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  }

  private tail(filter: LeadStatsFilter) {
    const qb = this.dataSource
      .getRepository(LeadEntity)
      .createQueryBuilder('l')
      .select('SUM(CASE WHEN l.status IN (:...contacted) THEN 1 ELSE 0 END)', 'contacted')
      .addSelect("SUM(CASE WHEN l.status = 'converted' THEN 1 ELSE 0 END)", 'converted')
      .where('l.id >= :fromId AND l.id < :toId', { fromId: idFloor(filter.from), toId: idFloor(filter.to), contacted: CONTACTED_OR_FURTHER });
    if (filter.ownerStaffId) qb.andWhere('l.owner_staff_id = :owner', { owner: filter.ownerStaffId });
    if (filter.branchId) qb.andWhere('l.branch_id = :branchId', { branchId: filter.branchId });
    if (filter.contentId) qb.innerJoin('shares', 'sh', 'sh.id = l.first_share_id AND sh.content_id = :contentId', { contentId: filter.contentId });
    return qb;
  }
}
