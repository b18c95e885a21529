import { Inject, Injectable } from '@nestjs/common';
import type { LeadTagRef } from '@fenji/shared';
import { DataSource, In, IsNull, Not } from 'typeorm';
import type { Transaction } from '../../../core/database/transaction.runner';
import { LeadTagEntity } from './lead-tag.entity';
import { TagEntity } from './tag.entity';

/** Which leads a tag count covers: the caller's scope (an owner, a branch, or every lead). */
export interface TagCountScope {
  ownerStaffId?: string;
  branchId?: string;
}

export interface TagWithCount {
  id: string;
  name: string;
  hqPosition: number | null;
  leadCount: number;
}

/** Free tags offered to pick from, most used first. */
const FREE_TAG_LIMIT = 30;

/** The `tags` and `lead_tags` tables. */
@Injectable()
export class TagRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The tags of each lead, in the order they were added. */
  async refsOfLeads(leadIds: string[]): Promise<Map<string, LeadTagRef[]>> {
    const byLead = new Map<string, LeadTagRef[]>();
    if (!leadIds.length) return byLead;
    const rows: Array<{ lead_id: string; id: string; name: string }> = await this.dataSource
      .createQueryBuilder()
      .select(['lt.lead_id AS lead_id', 't.id AS id', 't.name AS name'])
      .from(LeadTagEntity, 'lt')
      .innerJoin(TagEntity, 't', 't.id = lt.tag_id')
      .where({ leadId: In(leadIds) })
      .orderBy('lt.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getRawMany();
    for (const row of rows) byLead.set(row.lead_id, [...(byLead.get(row.lead_id) ?? []), { id: row.id, name: row.name }]);
    return byLead;
  }

  /** HQ's tags (every one) and the free tags used in the scope, each with its count of leads in the scope. */
  async withCounts(scope: TagCountScope): Promise<TagWithCount[]> {
    const counted = this.dataSource
      .createQueryBuilder()
      .select(['t.id AS id', 't.name AS name', 't.hq_position AS hq_position', 'COUNT(l.id) AS n'])
      .from(TagEntity, 't')
      .leftJoin(LeadTagEntity, 'lt', 'lt.tag_id = t.id')
      .leftJoin('leads', 'l', `l.id = lt.lead_id${scope.ownerStaffId ? ' AND l.owner_staff_id = :owner' : ''}${scope.branchId ? ' AND l.branch_id = :branch' : ''}`, {
        owner: scope.ownerStaffId,
        branch: scope.branchId,
      })
      .groupBy('t.id')
      .addGroupBy('t.name')
      .addGroupBy('t.hq_position');
    const rows: Array<{ id: string; name: string; hq_position: number | string | null; n: number | string }> = await counted.getRawMany();
    const all = rows.map((r) => ({ id: r.id, name: r.name, hqPosition: r.hq_position === null ? null : Number(r.hq_position), leadCount: Number(r.n) }));
    const hq = all.filter((t) => t.hqPosition !== null).sort((a, b) => (a.hqPosition as number) - (b.hqPosition as number));
    const free = all
      .filter((t) => t.hqPosition === null && t.leadCount > 0)
      .sort((a, b) => b.leadCount - a.leadCount || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, FREE_TAG_LIMIT);
    return [...hq, ...free];
  }

  findByNames(tx: Transaction, names: string[]): Promise<TagEntity[]> {
    return names.length ? tx.manager.getRepository(TagEntity).findBy({ name: In(names) }) : Promise.resolve([]);
  }

  /** Inserts tags whose names are not taken yet (a name taken meanwhile is left as it is). */
  async insertMissing(tx: Transaction, tags: TagEntity[]): Promise<void> {
    if (tags.length) await tx.manager.createQueryBuilder().insert().into(TagEntity).values(tags).orIgnore().updateEntity(false).execute();
  }

  async replaceLeadTags(tx: Transaction, leadId: string, tagIds: string[], at: Date): Promise<void> {
    await tx.manager.getRepository(LeadTagEntity).delete({ leadId });
    if (tagIds.length) await tx.manager.getRepository(LeadTagEntity).insert(tagIds.map((tagId, i) => ({ leadId, tagId, createdAt: new Date(at.getTime() + i) })));
  }

  /** HQ's list becomes exactly `ids` in this order; tags dropped from it stay on their leads as free tags. */
  async setHqOrder(tx: Transaction, ids: string[]): Promise<void> {
    const repo = tx.manager.getRepository(TagEntity);
    await repo.update({ hqPosition: Not(IsNull()) }, { hqPosition: null });
    for (const [position, id] of ids.entries()) await repo.update({ id }, { hqPosition: position });
  }
}
