import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EXTRA_FORM_FIELD_LABELS, normalizePhone, PRIVACY_NOTICE_VERSION, type ExtraFormField, type PoolSettings, type SubmitLeadRequest } from '@fenji/shared';
import { Clock, DAY_MS } from '../../../core/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../../core/config/config';
import { isUniqueViolation } from '../../../core/database/db-errors.util';
import { Metrics } from '../../../core/metrics/metrics';
import { newId } from '../../../core/database/id.util';
import { type Transaction, TransactionConflict, TransactionRunner } from '../../../core/database/transaction.runner';
import { AppException } from '../../../core/errors/app.exception';
import { RateLimitStore } from '../../../core/rate-limit/rate-limit.store';
import { OrgService } from '../../org/org.service';
import type { StaffEntity } from '../../org/staff.entity';
import type { ShareEntity } from '../../share/share.entity';
import { ShareService } from '../../share/share.service';
import { ConsentService } from '../../privacy/consent.service';
import { VisitService } from '../../visit/visit.service';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import { LeadPoolService } from '../pool/lead-pool.service';
import { OwnershipService } from '../pool/ownership.service';
import { PoolSettingsService } from '../settings/pool-settings.service';
import { type LeadAccepted, LeadAcceptedEvents } from './lead-accepted.events';
import { attributeTouch } from './touch-attribution';
import { TouchRepository } from './touch.repository';

/** How far a disabled member's heirs are followed (an heir disabled in turn hands over to their own heir). */
const MAX_HEIR_HOPS = 5;

/** The normalised submission an idempotency key stands for (the visitor cookie may differ between retries). */
export function submissionHash(dto: SubmitLeadRequest, phone: string): string {
  return createHash('sha256').update(JSON.stringify([dto.shareCode, phone, dto.name, dto.message ?? ''])).digest('hex');
}

/** The answer to a used idempotency key: the same one for the same body; 409 for another body. */
function replayOf(seen: { idempotencyHash: string | null }, bodyHash: string | null): { ok: true } {
  // A touch written before keys carried a hash cannot be compared: it is taken as the same submission.
  if (seen.idempotencyHash !== null && seen.idempotencyHash !== bodyHash) {
    throw AppException.conflict('IDEMPOTENCY_KEY_REUSED', '这次提交的标识已用于另一份内容，请刷新页面后重新提交');
  }
  return { ok: true };
}

/** A new lead, owned by the share's receiver (or in the public pool of `branchId` when there is none). */
function newLead(phone: string, dto: SubmitLeadRequest, share: ShareEntity, receiver: StaffEntity | null, branchId: string | null, settings: PoolSettings, now: Date): LeadEntity {
  return {
    id: newId(now.getTime()),
    phone,
    name: dto.name,
    status: 'new',
    pool: receiver ? 'private' : 'public',
    ownerStaffId: receiver?.id ?? null,
    branchId,
    firstShareId: share.id,
    referrerVisitorId: share.sharerVisitorId,
    chainDepth: share.depth,
    message: dto.message ?? null,
    consentVersion: PRIVACY_NOTICE_VERSION,
    consentedAt: now,
    protectedUntil: receiver ? new Date(now.getTime() + settings.protectionDays * DAY_MS) : null,
    touchCount: 1,
    ownershipVersion: 1,
    ownerActivityAt: receiver ? now : null,
    recycleWarnedAt: null,
    lastFollowUpAt: null,
    releasedByStaffId: null,
    releasedAt: null,
    createdAt: now,
    lastTouchAt: now,
    doNotContactAt: null,
    doNotContactReason: null,
    wechatId: null,
    nextFollowUpAt: null,
    sourceContentId: share.contentId,
    sourceChannel: share.channel,
    erasedAt: null,
  };
}

export interface SubmitContext {
  ip: string;
  /** The visitor cookie, when the request carried one. */
  visitorId: string | null;
  now?: Date;
}

/** Intake: the customer's lead form, one touch per accepted submission, and the touch's attribution. */
/**
 * The form's optional fields (company, city, preferred time) kept with the touch's message as labelled lines, so
 * the staff member reads them where they read the message: `公司：…`.
 */
export function withExtraFields(dto: SubmitLeadRequest): SubmitLeadRequest {
  const extra = Object.entries(dto.fields ?? {})
    .filter(([, v]) => typeof v === 'string' && v.trim())
    .map(([k, v]) => `${EXTRA_FORM_FIELD_LABELS[k as ExtraFormField]}：${String(v).trim()}`);
  if (!extra.length) return dto;
  const { fields: _fields, ...rest } = dto;
  return { ...rest, message: [dto.message?.trim(), ...extra].filter(Boolean).join('\n') };
}

@Injectable()
export class LeadIntakeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(TouchRepository) private readonly touches: TouchRepository,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(VisitService) private readonly visits: VisitService,
    @Inject(RateLimitStore) private readonly limits: RateLimitStore,
    @Inject(OwnershipService) private readonly ownership: OwnershipService,
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
    @Inject(PoolSettingsService) private readonly settings: PoolSettingsService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(LeadAcceptedEvents) private readonly accepted: LeadAcceptedEvents,
    @Inject(ConsentService) private readonly consents: ConsentService,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  /**
   * A customer's submission of the lead form. One lead per normalized phone; every accepted submission is
   * one touch; a replayed idempotency key writes nothing. The answer never tells whether the phone was known.
   * Everything it writes is one unit of work: the lead with its search grams, first ownership change and audit
   * line, or the attribution of the touch on a known lead; the touch with its key; the visitor stitch.
   */
  async submit(submitted: SubmitLeadRequest, ctx: SubmitContext): Promise<{ ok: true }> {
    const dto = withExtraFields(submitted);
    const now = ctx.now ?? this.clock.now();
    const share = await this.shares.findByCode(dto.shareCode);
    if (!share) throw AppException.notFound('SHARE_NOT_FOUND', '分享链接不存在或已失效');
    const limit = await this.limits.hit(`lead:ip:${ctx.ip}`, this.config.leadRateLimitPerMinute, 60, now);
    if (!limit.allowed) throw AppException.rateLimited(limit.retryAfterSeconds);
    const phone = normalizePhone(dto.phone) as string;
    const key = dto.idempotencyKey ?? null;
    const bodyHash = key ? submissionHash(dto, phone) : null;
    const visitorId = dto.visitorId ?? ctx.visitorId;
    const receiver = await this.receiverOf(share);
    // With no receiver (a disabled member without an heir) a new lead starts in the public pool of their branch.
    const branchId = receiver ? receiver.branchId : ((await this.org.staffById(share.staffId))?.branchId ?? null);
    const settings = await this.settings.get();

    const outcome = await this.transactions.run(async (tx): Promise<LeadAccepted | null> => {
      if (key) {
        // A used key (a replay, or the winner of a race with itself): the same answer for the same body, 409 for another.
        const seen = await this.touches.findByKey(tx, key);
        if (seen) {
          replayOf(seen, bodyHash);
          return null;
        }
      }
      // After the replay check: a submission accepted before the notice changed still gets its answer.
      this.consents.assertCurrent(dto.consentVersion);
      let isNew = false;
      let lead = await this.leads.findByPhoneForUpdate(tx, phone);
      let collision = false;
      if (lead) {
        collision = (await this.attribute(tx, lead, share, receiver?.id ?? null, settings, now)) === 'collision';
        await this.leads.recordTouch(tx, lead.id, now);
      } else {
        lead = newLead(phone, dto, share, receiver, branchId, settings, now);
        isNew = true;
        await this.insertNewLead(tx, lead);
        await this.ownership.recordFirstTouch(tx, lead, share.id, now);
      }
      try {
        await this.touches.insert(tx, {
          id: newId(),
          leadId: lead.id,
          shareId: share.id,
          staffId: share.staffId,
          visitorId,
          name: dto.name,
          message: dto.message ?? null,
          idempotencyKey: key,
          idempotencyHash: bodyHash,
          collision,
          createdAt: now,
        });
      } catch (error) {
        // The same key, racing itself: the next attempt finds the touch that won and answers as for a replay.
        if (key && isUniqueViolation(error)) throw new TransactionConflict('idempotency key');
        throw error;
      }
      if (visitorId) await this.visits.stitchVisitor(tx, visitorId, lead.id, share.id, now);
      await this.consents.record(tx, { leadId: lead.id, shareId: share.id, visitorId, ip: ctx.ip, at: now });
      return { leadId: lead.id, leadName: lead.name, isNew, ownerStaffId: isNew ? (receiver?.id ?? null) : lead.ownerStaffId, shareId: share.id, staffId: share.staffId, visitorId, at: now };
    });
    if (outcome) {
      this.metrics.leadsAccepted.inc();
      this.accepted.emit(outcome);
    }
    return { ok: true };
  }

  /** A new lead; when another submission of the same phone won the race, the unit runs again and finds it. */
  private async insertNewLead(tx: Transaction, lead: LeadEntity): Promise<void> {
    try {
      await this.leads.insert(tx, lead);
    } catch (error) {
      if (isUniqueViolation(error)) throw new TransactionConflict("a new lead's phone");
      throw error;
    }
  }

  /**
   * Who the leads a share brings go to: its staff member while active; once disabled, the heir chosen at
   * hand-over (through later hand-overs too), or nobody (null: the public pool). The page keeps working.
   */
  private async receiverOf(share: ShareEntity): Promise<StaffEntity | null> {
    let staff = await this.org.staffById(share.staffId);
    for (let hop = 0; staff && staff.status !== 'active' && hop < MAX_HEIR_HOPS; hop++) {
      staff = staff.successorStaffId ? await this.org.staffById(staff.successorStaffId) : null;
    }
    return staff?.status === 'active' ? staff : null;
  }

  /** Carries out the attribution of a touch on an existing lead (read with its lock); returns what it was. */
  private async attribute(tx: Transaction, lead: LeadEntity, share: ShareEntity, receiverId: string | null, settings: PoolSettings, now: Date) {
    const attribution = attributeTouch(lead, receiverId, settings, now);
    if (attribution === 'take_from_pool' && receiverId) {
      // Taking a lead from the pool through one's own share counts against the claim caps like a claim.
      await this.pool.takeFromPool(tx, receiverId, lead, { rule: 'public_touch', shareId: share.id }, settings, now);
    }
    if (attribution === 'transfer' && receiverId) {
      await this.ownership.transfer(tx, lead, { toStaffId: receiverId, rule: 'protection_expired_touch', shareId: share.id, settings }, now);
    }
    return attribution;
  }
}
