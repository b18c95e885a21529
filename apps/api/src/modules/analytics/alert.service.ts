import { Inject, Injectable, Logger } from '@nestjs/common';
import { SUBSCRIBE_TOPICS, type ReportSubscriptionsRequest, type SubscribeTopic, type SubscriptionStatus } from '@fenji/shared';
import type { AuthUser } from '../../core/auth/auth-user';
import { Clock } from '../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../core/config/config';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';
import { WechatClient } from '../../core/wechat/wechat.client';
import { OrgService } from '../org/org.service';
import { SubscriptionQuotaRepository } from './subscription-quota.repository';

/** At most this many messages of one topic are kept in hand (WeChat's own one-time subscriptions pile up too). */
const MAX_QUOTA = 50;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** WeChat's `thing` values: at most 20 characters. */
const thing = (s: string) => ([...s].length > 20 ? `${[...s].slice(0, 19).join('')}…` : s) || '—';
/** WeChat's `time` values, China time: `2026-03-01 10:30`. */
const wechatTime = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

export interface Alert {
  staffId: string;
  topic: SubscribeTopic;
  leadId: string;
  /** Who: the customer's name. */
  name: string;
  /** What: the content they left details on, or why they are hot again. */
  subject: string;
  at: Date;
}

/**
 * Alerts in WeChat (一次性订阅消息): the staff member accepts a template on a tap (reported by the app), which lets the
 * server send one message of it. We keep that count (WeChat never tells it) and take one per send; WeChat's 43101
 * (nothing left) zeroes it. A cap per staff member per hour (ALERTS_PER_STAFF_PER_HOUR, shared by every process through
 * the rate-limit store) keeps it from being noise. The notice in the app is written either way.
 */
@Injectable()
export class AlertService {
  private readonly logger = new Logger('AlertService');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SubscriptionQuotaRepository) private readonly quotas: SubscriptionQuotaRepository,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(WechatClient) private readonly wechat: WechatClient,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The templates to ask for and the caller's remaining messages; empty when WeChat alerts are not configured. */
  async status(user: AuthUser): Promise<SubscriptionStatus> {
    const configured = this.configured();
    if (!configured.length) return { templates: [] };
    const remaining = await this.quotas.ofStaff(user.id);
    return { templates: configured.map(([topic, templateId]) => ({ topic, templateId, remaining: remaining.get(topic) ?? 0 })) };
  }

  /** What `wx.requestSubscribeMessage` answered: each accepted template we know adds one message. */
  async report(user: AuthUser, dto: ReportSubscriptionsRequest): Promise<SubscriptionStatus> {
    const topics = this.configured()
      .filter(([, templateId]) => dto.accepted.includes(templateId))
      .map(([topic]) => topic);
    if (topics.length) await this.transactions.run((tx) => this.quotas.addOne(tx, user.id, topics, MAX_QUOTA, this.clock.now()));
    return this.status(user);
  }

  /** Sends the alert when WeChat is configured, the staff member has a quota and is under the hourly cap. */
  async send(alert: Alert): Promise<'sent' | 'skipped' | 'failed'> {
    const templateId = this.config.alerts.templates[alert.topic];
    if (!templateId || !this.config.wechat.appId) return 'skipped';
    const staff = await this.org.staffById(alert.staffId);
    if (!staff?.wechatOpenid || staff.status !== 'active') return 'skipped';
    const now = this.clock.now();
    if (!((await this.quotas.ofStaff(alert.staffId)).get(alert.topic) ?? 0)) return 'skipped';
    const cap = await this.limits.hit(`alert:${alert.staffId}`, this.config.alerts.perStaffPerHour, 3600, now);
    if (!cap.allowed) return 'skipped';
    if (!(await this.quotas.takeOne(alert.staffId, alert.topic, now))) return 'skipped';
    const answer = await this.wechat.sendSubscribeMessage({
      touser: staff.wechatOpenid,
      templateId,
      page: `packages/lead/pages/detail/index?id=${encodeURIComponent(alert.leadId)}`,
      data: { thing1: thing(alert.name), thing2: thing(alert.subject), time3: wechatTime(alert.at) },
    });
    if (answer.errcode === 0) return 'sent';
    if (answer.errcode === 43101) await this.quotas.zero(alert.staffId, alert.topic, now);
    else this.logger.error({ errcode: answer.errcode, errmsg: answer.errmsg, topic: alert.topic }, 'WeChat refused a subscribe message');
    return 'failed';
  }

  private configured(): [SubscribeTopic, string][] {
    return SUBSCRIBE_TOPICS.flatMap((topic) => {
      const id = this.config.alerts.templates[topic];
      return id ? [[topic, id] as [SubscribeTopic, string]] : [];
    });
  }
}
