import { Inject, Injectable } from '@nestjs/common';
import { normalizePhone, type EraseSubjectRequest, type EraseSubjectResponse, type PrivacySubject } from '@fenji/shared';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { Clock } from '../../core/clock/clock';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { ConsentService } from './consent.service';
import type { SubjectRecords } from './subject-records';

/**
 * PIPL rights requests by phone number (hq_admin): everything held about a person, and its erasure. Both are
 * audited without the phone itself: the audit line names the leads and the reason.
 */
@Injectable()
export class PrivacySubjectService {
  private records: SubjectRecords | null = null;

  constructor(
    @Inject(ConsentService) private readonly consents: ConsentService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The lead module registers its records at init. */
  registerRecords(records: SubjectRecords): void {
    this.records = records;
  }

  get subjectRecords(): SubjectRecords {
    if (!this.records) throw new Error('SubjectRecords not registered: the lead module registers them at init');
    return this.records;
  }

  async export(actor: AuthUser, rawPhone: string, ip: string): Promise<PrivacySubject> {
    const phone = normalizePhone(rawPhone) as string;
    const leads = await this.subjectRecords.findByPhone(phone);
    const consents = await this.consents.forLeads(leads.map((l) => l.id));
    await this.audit.record({ actorStaffId: actor.id, action: 'privacy.subject', targetType: 'privacy', detail: { leadIds: leads.map((l) => l.id) }, ip });
    return {
      phone,
      exportedAt: this.clock.now().toISOString(),
      leads: leads.map((lead) => ({ ...lead, consents: consents.get(lead.id) ?? [] })),
    };
  }

  /** Anonymises every lead of the phone and the audit line in one unit of work: all or nothing. */
  async erase(actor: AuthUser, dto: EraseSubjectRequest, ip: string): Promise<EraseSubjectResponse> {
    const phone = normalizePhone(dto.phone) as string;
    const now = this.clock.now();
    const ids = (await this.subjectRecords.findByPhone(phone)).map((l) => l.id);
    const erased = await this.transactions.run(async (tx) => {
      const done: string[] = [];
      for (const id of ids) {
        if (await this.subjectRecords.erase(tx, id, now)) {
          await this.consents.anonymiseForLead(tx, id);
          done.push(id);
        }
      }
      await this.audit.record({ actorStaffId: actor.id, action: 'privacy.erase', targetType: 'privacy', detail: { reason: dto.reason, leadIds: done }, ip }, tx);
      return done.length;
    });
    return { erased };
  }
}
