import { Inject, Injectable } from '@nestjs/common';
import type { LeadTagListResponse, LeadTags } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AuditService } from '../../../core/audit/audit.service';
import { Clock } from '../../../core/clock/clock';
import { newId } from '../../../core/database/id.util';
import { type Transaction, TransactionRunner } from '../../../core/database/transaction.runner';
import { LeadService } from '../lead.service';
import type { TagEntity } from './tag.entity';
import { TagRepository, type TagCountScope } from './tag.repository';

/** Names as people typed them, once each (case and width aside, `VIP` and `vip` are one tag). */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.normalize('NFKC').toLowerCase();
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Tags: one model for both apps. HQ keeps a short list for everyone; the owner puts tags on a lead by name, and a
 * name nobody used before becomes a free tag. Counts are of leads in the caller's scope.
 */
@Injectable()
export class TagService {
  constructor(
    @Inject(TagRepository) private readonly tags: TagRepository,
    @Inject(LeadService) private readonly leads: LeadService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async list(user: AuthUser): Promise<LeadTagListResponse> {
    const scope: TagCountScope = user.role === 'staff' ? { ownerStaffId: user.id } : user.role === 'branch_manager' ? { branchId: user.branchId ?? '-' } : {};
    const rows = await this.tags.withCounts(scope);
    return { items: rows.map((t) => ({ id: t.id, name: t.name, hq: t.hqPosition !== null, leadCount: t.leadCount })) };
  }

  /** The owner replaces a lead's tags by names; one unit of work (new free tags and the lead's links). */
  async setLeadTags(user: AuthUser, leadId: string, names: string[]): Promise<LeadTags> {
    const now = this.clock.now();
    const wanted = uniqueNames(names);
    const refs = await this.transactions.run(async (tx) => {
      await this.leads.lockOwned(tx, user, leadId);
      const tags = await this.ensure(tx, user, wanted, now);
      await this.tags.replaceLeadTags(tx, leadId, tags.map((t) => t.id), now);
      return tags.map((t) => ({ id: t.id, name: t.name }));
    });
    return { tags: refs };
  }

  /** HQ's list, replaced whole (hq_admin), audited. */
  async setHq(user: AuthUser, names: string[], ip: string): Promise<LeadTagListResponse> {
    const now = this.clock.now();
    const wanted = uniqueNames(names);
    await this.transactions.run(async (tx) => {
      const tags = await this.ensure(tx, user, wanted, now);
      await this.tags.setHqOrder(tx, tags.map((t) => t.id));
      await this.audit.record({ actorStaffId: user.id, action: 'tag.hq_update', detail: { tags: wanted }, ip }, tx);
    });
    return this.list(user);
  }

  /** The tags of these names, in this order, making the missing ones (a name taken by a racing unit is read back). */
  private async ensure(tx: Transaction, user: AuthUser, names: string[], now: Date): Promise<TagEntity[]> {
    const lower = (n: string) => n.normalize('NFKC').toLowerCase();
    const existing = await this.tags.findByNames(tx, names);
    const known = new Set(existing.map((t) => lower(t.name)));
    await this.tags.insertMissing(
      tx,
      names.filter((n) => !known.has(lower(n))).map((name) => ({ id: newId(now.getTime()), name, hqPosition: null, createdByStaffId: user.id, createdAt: now })),
    );
    const all = await this.tags.findByNames(tx, names);
    const byName = new Map(all.map((t) => [lower(t.name), t]));
    return names.map((n) => byName.get(lower(n))).filter((t): t is TagEntity => Boolean(t));
  }
}
