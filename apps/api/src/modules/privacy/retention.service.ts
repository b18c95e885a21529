import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../core/audit/audit.service';
import { Clock, DAY_MS } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { JobLock } from '../../core/coordination/job-lock';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { Metrics } from '../../core/metrics/metrics';
import { VisitService } from '../visit/visit.service';
import { ConsentService } from './consent.service';
import { PrivacySubjectService } from './privacy-subject.service';

/** Rows per batch: each visit batch is one statement, each lead its own unit of work. */
export const RETENTION_BATCH = 500;
/** How long one run may hold the job lock before another process may take over. */
const LOCK_TTL_MS = 10 * 60_000;

export interface RetentionResult {
  /** False when another process held the job lock (this run did nothing). */
  ran: boolean;
  visitEventsPurged: number;
  leadsAnonymised: number;
}

/**
 * The retention job (`RETENTION_VISIT_DAYS`, `RETENTION_LEAD_DAYS`): visit events past their period are deleted,
 * and leads that were neither converted nor touched nor followed up within theirs are anonymised, in batches.
 * Resumable: each batch commits, and what is done no longer matches, so a run that stops is finished by the next.
 * Safe from several processes: the job lock saves duplicate work, and each lead is anonymised under its row lock
 * after checking again that it is still stale and not yet anonymised, so two runs at once act once.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('RetentionService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(PrivacySubjectService) private readonly subjects: PrivacySubjectService,
    @Inject(ConsentService) private readonly consents: ConsentService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(JobLock) private readonly lock: JobLock,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async run(): Promise<RetentionResult> {
    const result = await this.metrics.countJob('retention', () => this.lock.runExclusive('privacy.retention', LOCK_TTL_MS, () => this.runUnlocked()));
    return result ?? { ran: false, visitEventsPurged: 0, leadsAnonymised: 0 };
  }

  /** One run without the job lock (what `run` does inside it; tests race two of these). */
  async runUnlocked(): Promise<RetentionResult> {
    const now = this.clock.now();
    const visitCutoff = new Date(now.getTime() - this.config.retentionVisitDays * DAY_MS);
    const leadCutoff = new Date(now.getTime() - this.config.retentionLeadDays * DAY_MS);

    let visitEventsPurged = 0;
    for (;;) {
      const purged = await this.transactions.run((tx) => this.visits.purgeEventsBefore(tx, visitCutoff, RETENTION_BATCH));
      visitEventsPurged += purged;
      if (purged < RETENTION_BATCH) break;
    }

    let leadsAnonymised = 0;
    const records = this.subjects.subjectRecords;
    const seen = new Set<string>();
    for (;;) {
      // A lead another run anonymises meanwhile no longer matches; one that stays (touched since) is skipped.
      const ids = (await records.staleLeadIds(leadCutoff, RETENTION_BATCH)).filter((id) => !seen.has(id));
      if (!ids.length) break;
      for (const id of ids) {
        seen.add(id);
        const erased = await this.transactions.run(async (tx) => {
          if (!(await records.erase(tx, id, now, leadCutoff))) return false;
          await this.consents.anonymiseForLead(tx, id);
          await this.audit.record({ actorStaffId: null, action: 'privacy.retention', targetType: 'lead', targetId: id, detail: { retentionDays: this.config.retentionLeadDays } }, tx);
          return true;
        });
        if (erased) leadsAnonymised++;
      }
    }
    if (visitEventsPurged || leadsAnonymised) this.logger.log(`retention: ${visitEventsPurged} visit events purged, ${leadsAnonymised} leads anonymised`);
    return { ran: true, visitEventsPurged, leadsAnonymised };
  }
}
