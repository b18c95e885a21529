import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { maskPhone, normalizePhone } from '@fenji/shared';
import { AuditService } from '../../../core/audit/audit.service';
import { EventBus } from '../../../core/coordination/event-bus';
import { SharedCache } from '../../../core/coordination/shared-cache';
import { newId } from '../../../core/database/id.util';
import { TransactionRunner } from '../../../core/database/transaction.runner';
import { AppException } from '../../../core/errors/app.exception';
import { OptOutLinks } from '../../../core/links/opt-out-links';
import { RateLimitStore } from '../../../core/rate-limit/rate-limit.store';
import { SmsSender } from '../../../core/sms/sms.sender';
import { LeadCareService } from '../../lead/care/lead-care.service';
import { OptOutEntity } from './opt-out.entity';

/** The topic every process hears when a customer opts out: `{ phone }` (the lead module marks the lead). */
export const OPT_OUT_TOPIC = 'lead.opt-out';
export const CODE_VALID_MINUTES = 10;
const MAX_WRONG_CODES = 5;

const invalid = (message: string) => AppException.badRequest('OPT_OUT_INVALID', message);
const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest();

/**
 * 不再联系 without login: by the signed link of the submitter, or by phone + a 6-digit code sent through the one
 * SmsSender. The request is recorded (`opt_outs`, with an audit line) and announced on the EventBus at once.
 */
@Injectable()
export class OptOutService {
  constructor(
    @Inject(OptOutLinks) private readonly links: OptOutLinks,
    @Inject(SmsSender) private readonly sms: SmsSender,
    @Inject(SharedCache) private readonly cache: SharedCache,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(EventBus) private readonly bus: EventBus,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(LeadCareService) private readonly care: LeadCareService,
  ) {}

  /** The masked phone a signed link names (for its confirm page). */
  phoneOfToken(token: string): { phone: string; maskedPhone: string } {
    const phone = this.links.phoneOf(token);
    if (!phone) throw invalid('链接无效或已过期，请用手机号验证码登记');
    return { phone, maskedPhone: maskPhone(phone) };
  }

  async sendCode(rawPhone: string, ip: string): Promise<{ maskedPhone: string }> {
    const phone = normalizePhone(rawPhone);
    if (!phone) throw AppException.badRequest('PHONE_INVALID', '手机号格式不正确');
    for (const [bucket, limit, seconds] of [[`optout:code:phone:${phone}`, 3, 600], [`optout:code:ip:${ip}`, 20, 3600]] as const) {
      const hit = await this.limits.hit(bucket, limit, seconds);
      if (!hit.allowed) throw AppException.rateLimited(hit.retryAfterSeconds);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.cache.set(this.codeKey(phone), JSON.stringify({ h: hashCode(phone, code).toString('hex'), wrong: 0 }), CODE_VALID_MINUTES * 60_000);
    await this.sms.send(phone, `您的验证码是 ${code}，${CODE_VALID_MINUTES} 分钟内有效，用于登记“不再联系”。如非本人操作，请忽略。`);
    return { maskedPhone: maskPhone(phone) };
  }

  async confirmByToken(token: string, ip: string): Promise<{ maskedPhone: string }> {
    const { phone } = this.phoneOfToken(token);
    await this.record(phone, 'link', ip);
    return { maskedPhone: maskPhone(phone) };
  }

  async confirmByCode(rawPhone: string, code: string, ip: string): Promise<{ maskedPhone: string }> {
    const phone = normalizePhone(rawPhone);
    if (!phone) throw AppException.badRequest('PHONE_INVALID', '手机号格式不正确');
    const key = this.codeKey(phone);
    const raw = await this.cache.get(key);
    const stored = raw ? (JSON.parse(raw) as { h: string; wrong: number }) : null;
    if (!stored) throw invalid('验证码已过期，请重新获取');
    const expected = Buffer.from(stored.h, 'hex');
    const given = hashCode(phone, code.trim());
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      if (stored.wrong + 1 >= MAX_WRONG_CODES) await this.cache.delete(key);
      else await this.cache.set(key, JSON.stringify({ ...stored, wrong: stored.wrong + 1 }), CODE_VALID_MINUTES * 60_000);
      throw invalid(stored.wrong + 1 >= MAX_WRONG_CODES ? '验证码错误次数过多，请重新获取' : '验证码不正确');
    }
    await this.cache.delete(key);
    await this.record(phone, 'sms', ip);
    return { maskedPhone: maskPhone(phone) };
  }

  /** Whether this phone asked not to be contacted. */
  async isOptedOut(phone: string): Promise<boolean> {
    const p = normalizePhone(phone);
    return p ? (await this.dataSource.getRepository(OptOutEntity).countBy({ phone: p })) > 0 : false;
  }

  private async record(phone: string, source: 'link' | 'sms', ip: string): Promise<void> {
    const row: OptOutEntity = { id: newId(), phone, source, createdAt: new Date() };
    await this.transactions.run(async (tx) => {
      await tx.manager.getRepository(OptOutEntity).insert(row);
      await this.audit.record({ actorStaffId: null, action: 'lead.opt_out', targetType: 'phone', targetId: maskPhone(phone), detail: { source }, ip }, tx);
      // The lead (if any) shows 不再联系 at once, in the same unit as the record.
      await this.care.markPhoneByCustomer(tx, phone, source === 'link' ? '客户通过确认页的链接选择不再联系' : '客户验证手机号后选择不再联系', ip);
      tx.afterCommit(() => void this.bus.publish(OPT_OUT_TOPIC, { phone, source, at: row.createdAt.toISOString() }));
    });
  }

  private codeKey(phone: string): string {
    return `optout:code:${phone}`;
  }
}
