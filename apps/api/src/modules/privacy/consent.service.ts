import { Inject, Injectable } from '@nestjs/common';
import type { SubjectConsent } from '@fenji/shared';
import { newId } from '../../core/database/id.util';
import type { Transaction } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import type { ConsentEntity } from './consent.entity';
import { ConsentRepository } from './consent.repository';
import { truncateIp } from './ip-prefix.util';
import { PrivacyNoticeService } from './privacy-notice.service';

export interface ConsentInput {
  leadId: string;
  shareId: string | null;
  visitorId: string | null;
  /** The client's full address; only its /24 or /48 is kept. */
  ip: string | null;
  at: Date;
}

export function toSubjectConsent(consent: ConsentEntity): SubjectConsent {
  return {
    noticeVersion: consent.noticeVersion,
    noticeHash: consent.noticeHash,
    at: consent.createdAt.toISOString(),
    shareId: consent.shareId,
    visitorId: consent.visitorId,
    ipPrefix: consent.ipPrefix,
  };
}

/** The consent ledger: one row per consent given with an accepted lead form; the lead detail reads it. */
@Injectable()
export class ConsentService {
  constructor(
    @Inject(ConsentRepository) private readonly consents: ConsentRepository,
    @Inject(PrivacyNoticeService) private readonly notice: PrivacyNoticeService,
  ) {}

  /**
   * A form shows the notice version it was rendered with; a submission agreeing to another version than the
   * one this server serves (the notice changed since the page was opened) is refused so that the page asks again.
   * No version (an older page or client) means the current one.
   */
  assertCurrent(version: string | undefined): void {
    if (version !== undefined && version !== this.notice.version) {
      throw new AppException(409, 'CONSENT_OUTDATED', '隐私政策已更新，请刷新页面，阅读并同意新版本后再提交', { currentVersion: this.notice.version });
    }
  }

  /** Records a consent to the current notice, in the submission's unit of work. */
  async record(tx: Transaction, input: ConsentInput): Promise<void> {
    await this.consents.insert(tx, {
      id: newId(input.at.getTime()),
      leadId: input.leadId,
      noticeVersion: this.notice.version,
      noticeHash: this.notice.hash,
      shareId: input.shareId,
      visitorId: input.visitorId,
      ipPrefix: truncateIp(input.ip),
      createdAt: input.at,
    });
  }

  /** A lead's consents, oldest first (for the lead detail's timeline). */
  async forLead(leadId: string): Promise<SubjectConsent[]> {
    return (await this.consents.forLeads([leadId])).map(toSubjectConsent);
  }

  /** Consents of several leads, oldest first, grouped by lead. */
  async forLeads(leadIds: string[]): Promise<Map<string, SubjectConsent[]>> {
    const byLead = new Map<string, SubjectConsent[]>();
    for (const consent of await this.consents.forLeads(leadIds)) {
      byLead.set(consent.leadId, [...(byLead.get(consent.leadId) ?? []), toSubjectConsent(consent)]);
    }
    return byLead;
  }

  /** Erasure keeps that consent was given (version, time, share), not the browser or network it came from. */
  anonymiseForLead(tx: Transaction, leadId: string): Promise<void> {
    return this.consents.anonymiseForLead(tx, leadId);
  }
}
