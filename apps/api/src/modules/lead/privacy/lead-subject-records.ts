import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '../../../core/database/transaction.runner';
import { PrivacySubjectService } from '../../privacy/privacy-subject.service';
import type { SubjectLeadRecords, SubjectRecords } from '../../privacy/subject-records';
import { VisitService } from '../../visit/visit.service';
import { LeadErasureRepository } from './lead-erasure.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The lead module's side of rights requests and retention, registered with privacy at init. */
@Injectable()
export class LeadSubjectRecords implements SubjectRecords, OnModuleInit {
  constructor(
    @Inject(LeadErasureRepository) private readonly leads: LeadErasureRepository,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(PrivacySubjectService) private readonly subjects: PrivacySubjectService,
  ) {}

  onModuleInit(): void {
    this.subjects.registerRecords(this);
  }

  async findByPhone(phone: string): Promise<SubjectLeadRecords[]> {
    const leads = await this.leads.leadsByPhone(phone);
    if (!leads.length) return [];
    const ids = leads.map((l) => l.id);
    const [touches, followUps, ownership] = await Promise.all([this.leads.touchesOf(ids), this.leads.followUpsOf(ids), this.leads.ownershipOf(ids)]);
    const out: SubjectLeadRecords[] = [];
    for (const lead of leads) {
      const visits = await this.visits.visitsOfLead(lead.id);
      out.push({
        id: lead.id,
        name: lead.name,
        phone: lead.phone,
        status: lead.status,
        message: lead.message,
        createdAt: lead.createdAt.toISOString(),
        touches: touches
          .filter((t) => t.leadId === lead.id)
          .map((t) => ({ at: t.createdAt.toISOString(), shareId: t.shareId, staffId: t.staffId, visitorId: t.visitorId, name: t.name, message: t.message })),
        followUps: followUps
          .filter((f) => f.leadId === lead.id)
          .map((f) => ({ at: f.createdAt.toISOString(), staffId: f.staffId, method: f.method, note: f.note, nextAt: iso(f.nextAt) })),
        ownership: ownership
          .filter((c) => c.leadId === lead.id)
          .map((c) => ({ at: c.createdAt.toISOString(), rule: c.rule, fromStaffId: c.fromStaffId, toStaffId: c.toStaffId, reason: c.reason })),
        visits: visits.map((v) => ({ at: v.createdAt.toISOString(), shareId: v.shareId, visitorId: v.visitorId, type: v.type, value: v.value })),
      });
    }
    return out;
  }

  async erase(tx: Transaction, leadId: string, at: Date, staleBefore?: Date): Promise<boolean> {
    const lead = await this.leads.lockLead(tx, leadId);
    if (!lead || lead.erasedAt) return false;
    if (staleBefore) {
      const active = lead.status === 'converted' || lead.lastTouchAt >= staleBefore || (lead.lastFollowUpAt !== null && lead.lastFollowUpAt >= staleBefore);
      if (active) return false;
    }
    await this.leads.anonymise(tx, leadId, at);
    await this.visits.eraseVisitorsOfLead(tx, leadId);
    return true;
  }

  staleLeadIds(before: Date, limit: number): Promise<string[]> {
    return this.leads.staleLeadIds(before, limit);
  }
}
