import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { renderPrivacyPage } from '@fenji/h5/landing';
import { PRIVACY_NOTICE_VERSION } from '@fenji/shared';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';

/** Days in an average month: how the notice says the retention periods (365 days → 12 个月). */
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * The privacy notice this process serves (`GET /privacy`), rendered once with the retention periods it applies,
 * and the SHA-256 of exactly that text, which every consent row records.
 */
@Injectable()
export class PrivacyNoticeService {
  readonly version = PRIVACY_NOTICE_VERSION;
  /** The periods the notice states, from the retention job's configuration. */
  readonly retention: { visitMonths: number; leadMonths: number };
  /** The notice in the default brand: what the consent hash is of (HQ's brand changes the page's look, not its text). */
  readonly html: string;
  readonly hash: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.retention = {
      visitMonths: Math.max(1, Math.round(config.retentionVisitDays / DAYS_PER_MONTH)),
      leadMonths: Math.max(1, Math.round(config.retentionLeadDays / DAYS_PER_MONTH)),
    };
    this.html = renderPrivacyPage({ version: this.version, retention: this.retention });
    this.hash = createHash('sha256').update(this.html).digest('hex');
  }
}
