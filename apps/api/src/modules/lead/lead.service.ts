import { Inject, Injectable } from '@nestjs/common';
import { heatLevel, type LeadListItem, type LeadPageQuery, type LeadPageResponse, type LeadSort, type LeadItemExtras, type PoolSettings, type RevealPhoneResponse } from '@fenji/shared';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthUser } from '../../core/auth/auth-user';
import type { Transaction } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { OrgService } from '../org/org.service';
import { canSee, listScope, mayReveal } from './access/lead-access.policy';
import { chinaDayStart, Clock, DAY_MS } from '../../core/clock/clock';
import { ContentService } from '../content/content.service';
import { decodeLeadCursor, encodeLeadCursor, SORT_SPECS, type KeysetAfter } from './lead-sort.util';
import type { LeadEntity } from './lead.entity';
import { toLeadListItem, toLeadPageItem, type LeadPageContext } from './lead.mapper';
import { LeadRepository } from './lead.repository';
import { TagRepository } from './tag/tag.repository';
import { PoolSettingsService } from './settings/pool-settings.service';

export const leadNotFound = () => AppException.notFound('LEAD_NOT_FOUND', '线索不存在');

/** Past this many matches the list's total is estimated, not counted. */
export const TOTAL_EXACT_CAP = 10_000;

/** The heat filter's bands (the same cut-offs as `heatLevel`). */
const HEAT_BANDS = { hot: { min: 70, max: 100 }, warm: { min: 40, max: 69 }, cold: { min: 0, max: 39 } } as const;

/**
 * The lead's heat as the analytics module keeps it on the row (`heat`, 0–100, and `heatReason`, set together when
 * a visit of the lead's visitor is scored); null before any visit was scored (no reason yet: no heat to show).
 */
function heatOf(lead: LeadEntity): LeadItemExtras['heat'] {
  if (typeof lead.heat !== 'number' || lead.heatReason == null) return null;
  return { score: lead.heat, level: heatLevel(lead.heat), reason: lead.heatReason };
}

/**
 * Leads as the list shows them, and the lead an action locks: the base the parts (intake, pool, follow-up)
 * build on. The detail with its timeline is timeline/lead-timeline.service.ts.
 */
@Injectable()
export class LeadService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(TagRepository) private readonly tags: TagRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * `GET /api/leads` for both apps: the caller's scope laid over the filters, one keyset page in the asked order,
   * and the total on request (exact up to TOTAL_EXACT_CAP, estimated past it).
   */
  async list(user: AuthUser, query: LeadPageQuery): Promise<LeadPageResponse> {
    const limit = query.limit ?? 20;
    const sort: LeadSort = query.due ? 'next_follow_up_asc' : (query.sort ?? 'created_desc');
    const spec = SORT_SPECS[sort];
    if ((spec.property === 'heat' || query.heat) && !this.leads.hasHeat()) throw AppException.badRequest('VALIDATION_FAILED', '热度暂不可用，请换一种排序或筛选');
    let after: KeysetAfter | undefined;
    if (query.cursor) {
      const decoded = decodeLeadCursor(query.cursor, sort);
      if (!decoded) throw AppException.badRequest('VALIDATION_FAILED', '分页游标无效（cursor）');
      after = decoded;
    }
    const filter = listScope(user, query);
    const empty: LeadPageResponse = { items: [], nextCursor: null, ...(query.withTotal === '1' ? { total: { count: 0, exact: true } } : {}) };
    if (!filter) return empty;
    const now = this.clock.now();
    const settings = await this.settings.get();
    if (query.heat) filter.heat = HEAT_BANDS[query.heat];
    if (query.overdue) filter.overdue = { now, activityBefore: new Date(now.getTime() - (settings.recycleDays - settings.recycleWarnDays) * DAY_MS) };
    if (query.due) filter.due = { until: new Date(chinaDayStart(now).getTime() + DAY_MS - 1) };
    const [rows, total] = await Promise.all([
      this.leads.page(filter, limit + 1, { sort, after }),
      query.withTotal === '1' ? this.leads.count(filter, TOTAL_EXACT_CAP) : Promise.resolve(undefined),
    ]);
    const page = rows.slice(0, limit);
    const ctx = await this.pageContext(user, page, now, settings);
    return {
      items: page.map((l) => toLeadPageItem(l, ctx)),
      nextCursor: rows.length > limit ? encodeLeadCursor(sort, page[page.length - 1]) : null,
      ...(total ? { total } : {}),
    };
  }

  /** Names, titles and tags of a page of leads, each looked up once. */
  async pageContext(user: AuthUser, leads: LeadEntity[], now: Date, settings: PoolSettings): Promise<LeadPageContext> {
    const [staffNames, branchNames, contentTitles, tags] = await Promise.all([
      this.org.staffNames(leads.map((l) => l.ownerStaffId)),
      this.org.branchNames(leads.map((l) => l.branchId)),
      this.contents.titlesByIds(leads.map((l) => l.sourceContentId).filter((id): id is string => id !== null)),
      this.tags.refsOfLeads(leads.map((l) => l.id)),
    ]);
    return { user, now, settings, staffNames, branchNames, contentTitles, tags, heatOf: heatOf };
  }

  /**
   * The full phone of a lead the caller sees masked (HQ: any; a branch manager: their branch), written to the audit
   * log with who, when and why before it is answered (the number itself never goes into the log). 404 outside scope.
   */
  async revealPhone(user: AuthUser, leadId: string, reason: string, ip: string): Promise<RevealPhoneResponse> {
    const lead = await this.leads.findById(leadId);
    if (!lead || !canSee(user, lead)) throw leadNotFound();
    if (!mayReveal(user, lead)) throw AppException.forbidden('无权查看完整手机号');
    await this.audit.record({ actorStaffId: user.id, action: 'lead.reveal', targetType: 'lead', targetId: lead.id, detail: { reason }, ip });
    return { phone: lead.phone };
  }

  /** The names of these leads (labels in the audit log; a name is not a phone). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.leads.findByIds([...new Set(ids)])).map((l) => [l.id, l.name]));
  }

  /** The lead as the list shows it to `user` (the answer of a pool action). */
  async listItem(user: AuthUser, leadId: string): Promise<LeadListItem> {
    const lead = (await this.leads.findById(leadId)) as LeadEntity;
    const [names, settings] = await Promise.all([this.org.staffNames([lead.ownerStaffId]), this.settings.get()]);
    return toLeadListItem(lead, user, names, settings);
  }

  /** A lead the user may act on (the same scope as reading it), read with its lock in `tx`; 404 otherwise. */
  async lockVisible(tx: Transaction, user: AuthUser, leadId: string): Promise<LeadEntity> {
    const lead = await this.leads.findByIdForUpdate(tx, leadId);
    if (!lead || !canSee(user, lead)) throw leadNotFound();
    return lead;
  }

  /** A lead the user owns, read with its lock in `tx`; 404 out of sight, 403 in sight but someone else's. */
  async lockOwned(tx: Transaction, user: AuthUser, leadId: string): Promise<LeadEntity> {
    const lead = await this.lockVisible(tx, user, leadId);
    if (lead.ownerStaffId !== user.id) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工可以这样做');
    return lead;
  }
}
