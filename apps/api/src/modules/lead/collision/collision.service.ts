import { Inject, Injectable } from '@nestjs/common';
import type { CollisionListQuery, CollisionView, CollisionViewListResponse, ResolveCollisionRequest } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AuditService } from '../../../core/audit/audit.service';
import { Clock } from '../../../core/clock/clock';
import { isUniqueViolation } from '../../../core/database/db-errors.util';
import { TransactionRunner } from '../../../core/database/transaction.runner';
import { AppException } from '../../../core/errors/app.exception';
import { ContentService } from '../../content/content.service';
import { OrgService } from '../../org/org.service';
import { ShareService } from '../../share/share.service';
import { canSee, collisionScope } from '../access/lead-access.policy';
import { TouchRepository } from '../intake/touch.repository';
import type { TouchEntity } from '../intake/touch.entity';
import { decodeCursor, encodeCursor } from '../lead-cursor.util';
import { LeadRepository } from '../lead.repository';
import { LeadPoolService } from '../pool/lead-pool.service';
import { toCollision } from '../timeline/collision.mapper';
import type { CollisionResolutionEntity } from './collision-resolution.entity';
import { CollisionResolutionRepository } from './collision-resolution.repository';

const collisionNotFound = () => AppException.notFound('COLLISION_NOT_FOUND', '撞单记录不存在');

/**
 * 撞单 as a work list: HQ every branch, a branch manager theirs. A collision stays open until someone keeps the
 * owner or reassigns the lead (by default to the staff member whose share collided) through the assignment rules;
 * the resolution, the assignment and the audit line are one unit of work, and a collision is resolved once.
 */
@Injectable()
export class CollisionService {
  constructor(
    @Inject(TouchRepository) private readonly touches: TouchRepository,
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(CollisionResolutionRepository) private readonly resolutions: CollisionResolutionRepository,
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
    @Inject(ShareService) private readonly shares: ShareService,
    @Inject(ContentService) private readonly contents: ContentService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
  ) {}

  async list(user: AuthUser, query: CollisionListQuery): Promise<CollisionViewListResponse> {
    const scope = collisionScope(user);
    if (scope === 'none') return { items: [], nextCursor: null };
    if (query.branchId && scope !== null && query.branchId !== scope) return { items: [], nextCursor: null };
    const limit = query.limit ?? 50;
    const before = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (query.cursor && !before) throw AppException.badRequest('VALIDATION_FAILED', '分页游标无效（cursor）');
    const rows = await this.touches.collisionsPage(query.branchId ?? scope, before ?? undefined, limit + 1, query.state);
    const page = rows.slice(0, limit);
    return { items: await this.views(page), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].id) : null };
  }

  async resolve(user: AuthUser, id: string, dto: ResolveCollisionRequest, ip: string): Promise<CollisionView> {
    const touch = await this.touches.findCollision(id);
    const lead = touch ? await this.leads.findById(touch.leadId) : null;
    if (!touch || !lead || !canSee(user, lead) || user.role === 'staff') throw collisionNotFound();
    const toStaffId = dto.action === 'reassign' ? (dto.toStaffId ?? touch.staffId) : null;
    if (toStaffId) await this.pool.checkAssignTarget(user, toStaffId);
    const row: CollisionResolutionEntity = {
      touchId: id,
      action: dto.action === 'keep' ? 'kept' : 'reassigned',
      toStaffId,
      reason: dto.reason,
      resolvedByStaffId: user.id,
      resolvedAt: this.clock.now(),
    };
    const record = async (tx: Parameters<Parameters<TransactionRunner['run']>[0]>[0]) => {
      if (await this.resolutions.findForUpdate(tx, id)) throw AppException.conflict('COLLISION_RESOLVED', '这条撞单已处理过');
      await this.resolutions.insert(tx, row);
      await this.audit.record({ actorStaffId: user.id, action: 'collision.resolve', targetType: 'collision', targetId: id, detail: { action: row.action, to: toStaffId, reason: dto.reason, leadId: lead.id }, ip }, tx);
    };
    try {
      if (toStaffId) await this.pool.assignChecked(user, lead.id, { staffId: toStaffId }, dto.reason, ip, record);
      else await this.transactions.run(record);
    } catch (error) {
      if (isUniqueViolation(error)) throw AppException.conflict('COLLISION_RESOLVED', '这条撞单已处理过');
      throw error;
    }
    return (await this.views([touch]))[0];
  }

  /** Collisions with their lead, share, names and resolution, read once per page. */
  private async views(page: TouchEntity[]): Promise<CollisionView[]> {
    const leads = new Map((await this.leads.findByIds([...new Set(page.map((t) => t.leadId))])).map((l) => [l.id, l]));
    const shares = new Map((await this.shares.findByIds([...new Set(page.map((t) => t.shareId))])).map((s) => [s.id, s]));
    const resolutions = await this.resolutions.byTouchIds(page.map((t) => t.id));
    const [titles, names] = await Promise.all([
      this.contents.titlesByIds([...shares.values()].map((s) => s.contentId)),
      this.org.staffNames([...page.map((t) => t.staffId), ...[...leads.values()].map((l) => l.ownerStaffId), ...[...resolutions.values()].map((r) => r.resolvedByStaffId)]),
    ]);
    return page.map((t) => {
      const lead = leads.get(t.leadId);
      const share = shares.get(t.shareId);
      const r = resolutions.get(t.id);
      return {
        ...toCollision(t, lead, share, titles, names),
        state: r ? r.action : 'open',
        resolvedAt: r ? r.resolvedAt.toISOString() : null,
        resolvedByName: r ? (names.get(r.resolvedByStaffId) ?? null) : null,
        resolveReason: r?.reason ?? null,
        channel: share?.channel ?? null,
        ...(lead ? { leadStatus: lead.status } : {}),
        protectedUntil: lead?.pool === 'private' && lead.protectedUntil ? lead.protectedUntil.toISOString() : null,
      };
    });
  }
}
