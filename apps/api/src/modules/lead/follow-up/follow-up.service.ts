import { Inject, Injectable } from '@nestjs/common';
import { LABELS, LEAD_STATUS_TRANSITIONS, type ChangeLeadStatusRequest, type CreateFollowUpRequest, type FollowUp, type LeadListItem, type LeadStatus } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AuditService } from '../../../core/audit/audit.service';
import { Clock, DAY_MS } from '../../../core/clock/clock';
import { newId } from '../../../core/database/id.util';
import { type Transaction, TransactionRunner } from '../../../core/database/transaction.runner';
import { AppException } from '../../../core/errors/app.exception';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import { LeadService } from '../lead.service';
import { PoolSettingsService } from '../settings/pool-settings.service';
import { toFollowUp } from './follow-up.mapper';
import { FollowUpRepository } from './follow-up.repository';

/**
 * Follow-ups and status changes. A follow-up (with the status change a first one makes) is one unit of work; so
 * is a status change with its history row, its member row when converted and its audit line.
 */
@Injectable()
export class FollowUpService {
  constructor(
    @Inject(FollowUpRepository) private readonly followUps: FollowUpRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(LeadService) private readonly leadService: LeadService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /** The owner's record of contacting the lead: renews the protection period and restarts the recycle clock. */
  async add(user: AuthUser, leadId: string, dto: CreateFollowUpRequest): Promise<FollowUp> {
    const now = this.clock.now();
    const settings = await this.settings.get();
    const followUp = { id: newId(now.getTime()), leadId, staffId: user.id, method: dto.method, note: dto.note, nextAt: dto.nextAt ? new Date(dto.nextAt) : null, createdAt: now };
    await this.transactions.run(async (tx) => {
      const lead = await this.leadService.lockOwned(tx, user, leadId);
      await this.followUps.insert(tx, followUp);
      // The follow-up's "next time" is the plan from now on; one without it means nothing is planned.
      await this.leads.renew(tx, leadId, { lastFollowUpAt: now, ownerActivityAt: now, protectedUntil: new Date(now.getTime() + settings.protectionDays * DAY_MS), recycleWarnedAt: null, nextFollowUpAt: followUp.nextAt });
      if (lead.status === 'new') await this.applyStatus(tx, user, lead, 'contacted', '首次跟进', now);
    });
    return toFollowUp(followUp, new Map([[user.id, user.name]]));
  }

  async changeStatus(user: AuthUser, leadId: string, dto: ChangeLeadStatusRequest): Promise<LeadListItem> {
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const lead = await this.leadService.lockVisible(tx, user, leadId);
      if (user.role === 'staff' && lead.ownerStaffId !== user.id) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工可以修改状态');
      if (!LEAD_STATUS_TRANSITIONS[lead.status].includes(dto.status)) {
        throw AppException.conflict('STATUS_TRANSITION_INVALID', `不能从「${LABELS.leadStatus[lead.status]}」改为「${LABELS.leadStatus[dto.status]}」`);
      }
      await this.applyStatus(tx, user, lead, dto.status, dto.reason ?? null, now);
    });
    return this.leadService.listItem(user, leadId);
  }

  /** Moves the status along (the row is locked), with its history row, a member row when converted, an audit line for managers. */
  private async applyStatus(tx: Transaction, user: AuthUser, lead: LeadEntity, to: LeadStatus, reason: string | null, now: Date): Promise<void> {
    if (!(await this.leads.changeStatus(tx, lead.id, lead.status, to))) throw AppException.conflict('STATUS_TRANSITION_INVALID', '线索状态刚刚被其他人修改，请刷新后重试');
    await this.followUps.insertStatusChange(tx, { id: newId(now.getTime()), leadId: lead.id, fromStatus: lead.status, toStatus: to, actorStaffId: user.id, reason, createdAt: now });
    if (to === 'converted') await this.followUps.insertMemberOnce(tx, { id: newId(now.getTime()), leadId: lead.id, convertedBy: user.id, createdAt: now });
    if (user.role !== 'staff') {
      await this.audit.record({ actorStaffId: user.id, action: 'lead.status', targetType: 'lead', targetId: lead.id, detail: { from: lead.status, to, reason } }, tx);
    }
  }
}
