import { Inject, Injectable } from '@nestjs/common';
import type { DoNotContactResponse, FollowUpSummary, UpdateLeadRequest } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AuditService } from '../../../core/audit/audit.service';
import { chinaDayStart, Clock, DAY_MS } from '../../../core/clock/clock';
import { type Transaction, TransactionRunner } from '../../../core/database/transaction.runner';
import { AppException } from '../../../core/errors/app.exception';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import { LeadService } from '../lead.service';

/** Who set 不再联系: staff (with the acting user) or the customer themselves (the landing's opt-out). */
export type DoNotContactBy = { kind: 'staff'; user: AuthUser; ip: string } | { kind: 'customer'; ip: string };

/**
 * Caring for a lead beside the pool rules: 不再联系 (one rule for the staff app's PATCH, the console's
 * do-not-contact route and the customer's own opt-out), the customer's WeChat ID, and the owner's due follow-ups.
 */
@Injectable()
export class LeadCareService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(LeadService) private readonly leadService: LeadService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  /**
   * `PATCH /api/leads/:id`: the WeChat ID (the owner only: nobody else sees it) and 不再联系 (the owner, HQ, the
   * branch manager in scope; only HQ may clear it). All of it in one unit of work, or nothing.
   */
  async update(user: AuthUser, leadId: string, dto: UpdateLeadRequest, ip: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const lead = await this.leadService.lockVisible(tx, user, leadId);
      if (dto.wechatId !== undefined) {
        if (lead.ownerStaffId !== user.id) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工可以记录微信号');
        await this.leads.updateCare(tx, lead.id, { wechatId: dto.wechatId });
      }
      if (dto.doNotContact !== undefined) await this.applyDoNotContact(tx, lead, dto.doNotContact, dto.reason ?? '', { kind: 'staff', user, ip });
    });
  }

  /** `POST /api/leads/:id/do-not-contact`: the same rule as the PATCH, answering the flag and since when. */
  async setDoNotContact(user: AuthUser, leadId: string, doNotContact: boolean, reason: string, ip: string): Promise<DoNotContactResponse> {
    const at = await this.transactions.run(async (tx) => {
      const lead = await this.leadService.lockVisible(tx, user, leadId);
      return this.applyDoNotContact(tx, lead, doNotContact, reason, { kind: 'staff', user, ip });
    });
    return { doNotContact, at: at?.toISOString() ?? null };
  }

  /**
   * The customer's own 不再联系 (the landing's opt-out, by signed link or phone + SMS code): for the landing
   * module to call once it has proven who the customer is. Unknown lead: false. Setting it twice keeps the first time.
   */
  async markByCustomer(leadId: string, reason: string, ip: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      const lead = await this.leads.findByIdForUpdate(tx, leadId);
      if (!lead) return false;
      await this.applyDoNotContact(tx, lead, true, reason, { kind: 'customer', ip });
      return true;
    });
  }

  /**
   * The customer's own 不再联系 by phone, inside the caller's unit of work (the landing's opt-out writes its record
   * and marks the lead in one transaction). No lead with that phone: false.
   */
  async markPhoneByCustomer(tx: Transaction, phone: string, reason: string, ip: string): Promise<boolean> {
    const lead = await this.leads.findByPhoneForUpdate(tx, phone);
    if (!lead) return false;
    await this.applyDoNotContact(tx, lead, true, reason, { kind: 'customer', ip });
    return true;
  }

  /** The caller's own private open leads with a planned follow-up: overdue (before now) and due later today (China time). */
  async followUpSummary(user: AuthUser): Promise<FollowUpSummary> {
    const now = this.clock.now();
    const endOfToday = new Date(chinaDayStart(now).getTime() + DAY_MS - 1);
    return this.leads.countDueFollowUps(user.id, now, endOfToday);
  }

  /** Sets or clears the flag under the lead's lock, with its audit line; returns since when it is set (null: cleared). */
  private async applyDoNotContact(tx: Transaction, lead: LeadEntity, on: boolean, reason: string, by: DoNotContactBy): Promise<Date | null> {
    if (by.kind === 'staff') {
      const { user } = by;
      const mayMark = user.role === 'hq_admin' || user.role === 'branch_manager' || lead.ownerStaffId === user.id;
      if (!mayMark) throw new AppException(403, 'NOT_LEAD_OWNER', '只有线索的归属员工或管理者可以标记不再联系');
      if (!on && user.role !== 'hq_admin') throw AppException.forbidden('只有总部可以取消“不再联系”');
    }
    if (on && lead.doNotContactAt) return lead.doNotContactAt;
    if (!on && !lead.doNotContactAt) return null;
    const at = on ? this.clock.now() : null;
    await this.leads.updateCare(tx, lead.id, { doNotContactAt: at, doNotContactReason: on ? reason : null });
    await this.audit.record(
      {
        actorStaffId: by.kind === 'staff' ? by.user.id : null,
        action: 'lead.do_not_contact',
        targetType: 'lead',
        targetId: lead.id,
        detail: { doNotContact: on, reason, by: by.kind },
        ip: by.ip,
      },
      tx,
    );
    return at;
  }
}
