import { randomInt, timingSafeEqual, createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  normalizePhone,
  PRIVACY_REQUEST_WORKING_DAYS,
  type ClosePrivacyRequest,
  type PrivacyRequest,
  type PrivacyRequestList,
  type PrivacyRequestListQuery,
  type PrivacyRequestReceipt,
  type SubmitPrivacyRequest,
} from '@fenji/shared';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthUser } from '../../core/auth/auth-user';
import { Clock } from '../../core/clock/clock';
import { SharedCache } from '../../core/coordination/shared-cache';
import { newId } from '../../core/database/id.util';
import { TransactionRunner } from '../../core/database/transaction.runner';
import { AppException } from '../../core/errors/app.exception';
import { RateLimitStore } from '../../core/rate-limit/rate-limit.store';
import { OrgService } from '../org/org.service';
import type { PrivacyRequestEntity } from './privacy-request.entity';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { SmsSender } from '../../core/sms/sms.sender';
import { dueDateAfter, workingDaysUntil } from './working-days.util';

const CODE_TTL_MS = 10 * 60_000;
/** Wrong codes before the code is gone (a new one must be asked for). */
const CODE_ATTEMPTS = 5;
const CODES_PER_PHONE_PER_HOUR = 3;
const CODES_PER_IP_PER_HOUR = 20;

const hashCode = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');

/**
 * Customers' rights requests (查阅复制、删除、更正、撤回同意): verified by an SMS code to the phone, kept with the
 * deadline of 15 working days; HQ lists them and records its answer. The answer itself (export, erase) goes
 * through `PrivacySubjectService`.
 */
@Injectable()
export class PrivacyRequestService {
  constructor(
    @Inject(PrivacyRequestRepository) private readonly requests: PrivacyRequestRepository,
    @Inject(SmsSender) private readonly sms: SmsSender,
    @Inject(SharedCache) private readonly cache: SharedCache,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Sends a 6-digit code; the same answer whether the phone is known or not. Limited per phone and address. */
  async sendCode(rawPhone: string, ip: string): Promise<void> {
    const phone = normalizePhone(rawPhone) as string;
    const now = this.clock.now();
    for (const [bucket, limit] of [[`privacy-code:phone:${phone}`, CODES_PER_PHONE_PER_HOUR], [`privacy-code:ip:${ip}`, CODES_PER_IP_PER_HOUR]] as const) {
      const hit = await this.limits.hit(bucket, limit, 3600, now);
      if (!hit.allowed) throw AppException.rateLimited(hit.retryAfterSeconds);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.cache.set(`privacy-code:${phone}`, JSON.stringify({ hash: hashCode(phone, code), attempts: 0 }), CODE_TTL_MS);
    await this.sms.send(phone, `您的验证码为 ${code}，10 分钟内有效，用于办理个人信息相关请求。如非本人操作，请忽略。`);
  }

  async submit(dto: SubmitPrivacyRequest): Promise<PrivacyRequestReceipt> {
    const phone = normalizePhone(dto.phone) as string;
    await this.verify(phone, dto.code);
    const now = this.clock.now();
    const dueDate = dueDateAfter(now, PRIVACY_REQUEST_WORKING_DAYS);
    await this.requests.insert({ id: newId(now.getTime()), phone, kind: dto.kind, message: dto.message || null, status: 'open', dueDate, handledAt: null, handledBy: null, note: null, createdAt: now });
    return { ok: true, dueDate };
  }

  async list(query: PrivacyRequestListQuery): Promise<PrivacyRequestList> {
    const rows = await this.requests.list(query.status);
    const names = new Map<string, string | null>();
    for (const id of new Set(rows.map((r) => r.handledBy).filter((id): id is string => Boolean(id)))) names.set(id, (await this.org.staffById(id))?.name ?? null);
    return { items: rows.map((r) => this.toView(r, names)) };
  }

  /** Records HQ's answer; audited with the note. */
  async close(actor: AuthUser, id: string, dto: ClosePrivacyRequest, ip: string): Promise<PrivacyRequest> {
    const now = this.clock.now();
    const row = await this.transactions.run(async (tx) => {
      const found = await this.requests.findForUpdate(tx, id);
      if (!found) throw AppException.notFound('PRIVACY_REQUEST_NOT_FOUND', '请求不存在');
      if (found.status === 'done') return found;
      await this.requests.markDone(tx, id, { handledAt: now, handledBy: actor.id, note: dto.note });
      await this.audit.record({ actorStaffId: actor.id, action: 'privacy.request_done', targetType: 'privacy', targetId: id, detail: { kind: found.kind, note: dto.note }, ip }, tx);
      return { ...found, status: 'done' as const, handledAt: now, handledBy: actor.id, note: dto.note };
    });
    return this.toView(row, new Map([[actor.id, (await this.org.staffById(actor.id))?.name ?? null]]));
  }

  private async verify(phone: string, code: string): Promise<void> {
    const key = `privacy-code:${phone}`;
    const stored = await this.cache.get(key);
    const invalid = AppException.badRequest('SMS_CODE_INVALID', '验证码不正确或已过期，请重新获取');
    if (!stored) throw invalid;
    const entry = JSON.parse(stored) as { hash: string; attempts: number };
    const same = timingSafeEqual(Buffer.from(entry.hash), Buffer.from(hashCode(phone, code)));
    if (!same) {
      if (entry.attempts + 1 >= CODE_ATTEMPTS) await this.cache.delete(key);
      else await this.cache.set(key, JSON.stringify({ ...entry, attempts: entry.attempts + 1 }), CODE_TTL_MS);
      throw invalid;
    }
    await this.cache.delete(key); // one request per code
  }

  private toView(r: PrivacyRequestEntity, names: Map<string, string | null>): PrivacyRequest {
    return {
      id: r.id,
      phone: r.phone,
      kind: r.kind,
      message: r.message,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      dueDate: r.dueDate,
      workingDaysLeft: r.status === 'open' ? workingDaysUntil(this.clock.now(), r.dueDate) : null,
      handledAt: r.handledAt ? r.handledAt.toISOString() : null,
      handledByName: r.handledBy ? (names.get(r.handledBy) ?? null) : null,
      note: r.note,
    };
  }
}
