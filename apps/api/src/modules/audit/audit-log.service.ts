import { Inject, Injectable } from '@nestjs/common';
import type { AuditListQuery, AuditListResponse } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { type AuditPageFilter, AuditService } from '../../core/audit/audit.service';
import { idFloor } from '../../core/database/id.util';
import { AppException } from '../../core/errors/app.exception';
import { ContentService } from '../content/content.service';
import { LeadService } from '../lead/lead.service';
import { OrgService } from '../org/org.service';
import { toAuditEntry } from './audit-log.mapper';

const ID = /^[0-9A-Z]{26}$/;

/**
 * 审计日志 for people: HQ reads every entry, a branch manager the entries made by the people of their branch.
 * Names instead of ids, one sentence per entry; search by actor name or by what changed (a reason, a name).
 */
@Injectable()
export class AuditLogService {
  constructor(
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(LeadService) private readonly leads: LeadService,
    @Inject(ContentService) private readonly contents: ContentService,
  ) {}

  async list(user: AuthUser, query: AuditListQuery): Promise<AuditListResponse> {
    const limit = query.limit ?? 50;
    const filter: AuditPageFilter = {};
    if (query.action) filter.action = query.action;
    if (query.targetId) filter.targetId = query.targetId;
    if (query.from) filter.minId = idFloor(new Date(query.from));
    if (query.to) filter.maxIdExclusive = idFloor(new Date(Date.parse(query.to) + 1));
    if (query.cursor) {
      const id = Buffer.from(query.cursor, 'base64url').toString('utf8');
      if (!ID.test(id)) throw AppException.badRequest('VALIDATION_FAILED', '分页游标无效（cursor）');
      filter.beforeId = id;
    }
    let actors: string[] | undefined = query.actorStaffId ? [query.actorStaffId] : undefined;
    if (user.role === 'branch_manager') {
      const branch = user.branchId ? await this.org.staffIdsOfBranch(user.branchId) : [];
      actors = actors ? actors.filter((a) => branch.includes(a)) : branch;
    }
    if (actors) filter.actorIn = actors;
    if (query.q) filter.search = { text: query.q, actorIds: await this.org.staffIdsNamed(query.q) };
    const rows = await this.audit.page(filter, limit + 1);
    const page = rows.slice(0, limit);
    const detailIds = page.flatMap((r) => {
      const ids: string[] = [];
      try {
        const d = r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {};
        for (const k of ['to', 'toStaffId', 'toBranchId']) if (typeof d[k] === 'string') ids.push(d[k] as string);
      } catch {
        /* a detail that is not JSON names nobody */
      }
      return ids;
    });
    const byType = (type: string) => page.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId as string);
    const [actorsById, leadNames, staffNames, branchNames, titles] = await Promise.all([
      this.org.staffSummaries(page.map((r) => r.actorStaffId)),
      this.leads.namesOf(byType('lead')),
      this.org.staffNames([...byType('staff'), ...detailIds]),
      this.org.branchNames([...byType('branch'), ...detailIds]),
      this.contents.titlesByIds(byType('content')),
    ]);
    const targets = new Map([...staffNames, ...branchNames, ...titles, ...leadNames]);
    return {
      items: page.map((r) => toAuditEntry(r, { actors: actorsById, targets })),
      nextCursor: rows.length > limit ? Buffer.from(page[page.length - 1].id).toString('base64url') : null,
    };
  }
}
