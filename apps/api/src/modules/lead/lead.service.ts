import { Inject, Injectable } from '@nestjs/common';
import type { LeadListItem, LeadListQuery, LeadListResponse, RevealPhoneResponse } from '@fenji/shared';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthUser } from '../../core/auth/auth-user';
import type { Transaction } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { OrgService } from '../org/org.service';
import { canSee, listScope, mayReveal } from './access/lead-access.policy';
import { decodeCursor, encodeCursor } from './lead-cursor.util';
import type { LeadEntity } from './lead.entity';
import { toLeadListItem } from './lead.mapper';
import { LeadRepository } from './lead.repository';
import { PoolSettingsService } from './settings/pool-settings.service';

export const leadNotFound = () => AppException.notFound('LEAD_NOT_FOUND', '线索不存在');

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
  ) {}

  async list(user: AuthUser, query: LeadListQuery): Promise<LeadListResponse> {
    const limit = query.limit ?? 20;
    const filter = listScope(user, query);
    if (!filter) return { items: [], nextCursor: null };
    if (query.cursor) {
      const before = decodeCursor(query.cursor);
      if (!before) throw AppException.badRequest('VALIDATION_FAILED', '分页游标无效（cursor）');
      filter.beforeId = before;
    }
    const rows = await this.leads.page(filter, limit + 1);
    const page = rows.slice(0, limit);
    const [names, settings] = await Promise.all([this.org.staffNames(page.map((l) => l.ownerStaffId)), this.settings.get()]);
    return {
      items: page.map((l) => toLeadListItem(l, user, names, settings)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null,
    };
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
