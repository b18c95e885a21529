import { Inject, Injectable } from '@nestjs/common';
import { BULK_STATUS_TARGETS, type BulkLeadRequest, type BulkLeadResponse, type LeadBulkSkipCode } from '@fenji/shared';
import type { AuthUser } from '../../../core/auth/auth-user';
import { AuditService } from '../../../core/audit/audit.service';
import { AppException } from '../../../core/errors/app.exception';
import { OrgService } from '../../org/org.service';
import { listScope } from '../access/lead-access.policy';
import { FollowUpService } from '../follow-up/follow-up.service';
import type { LeadEntity } from '../lead.entity';
import { LeadRepository } from '../lead.repository';
import { LeadPoolService } from '../pool/lead-pool.service';
import { bulkSkipOf } from './lead-bulk.rules';

/** Most leads one bulk action by filter may touch; past it the caller narrows the filters. */
export const BULK_FILTER_MAX = 5000;
const BATCH = 500;

/**
 * `POST /api/leads/bulk`: one action on a selection or on everything the filters match, each lead through the
 * single-lead action (its own unit of work, rules, audit line with the reason), so a bulk action can never do
 * what the single one would refuse. A dry run reads and counts only. One `lead.bulk` audit line sums it up.
 */
@Injectable()
export class LeadBulkService {
  constructor(
    @Inject(LeadRepository) private readonly leads: LeadRepository,
    @Inject(LeadPoolService) private readonly pool: LeadPoolService,
    @Inject(FollowUpService) private readonly followUps: FollowUpService,
    @Inject(OrgService) private readonly org: OrgService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  async run(user: AuthUser, req: BulkLeadRequest, ip: string): Promise<BulkLeadResponse> {
    if (user.role === 'staff') throw AppException.forbidden('只有总部或门店负责人可以批量操作线索');
    await this.checkTarget(user, req);
    const { leads, unknown } = await this.selection(user, req);
    const skipped = new Map<LeadBulkSkipCode, number>();
    const skip = (code: LeadBulkSkipCode, n = 1) => skipped.set(code, (skipped.get(code) ?? 0) + n);
    // Unknown ids count as out of scope: the caller learns nothing about leads they cannot see.
    if (unknown) skip('OUT_OF_SCOPE', unknown);
    let affected = 0;
    for (const lead of leads) {
      const code = bulkSkipOf(user, lead, req);
      if (code) skip(code);
      else if (req.dryRun) affected++;
      else {
        const outcome = await this.applyOne(user, lead.id, req, ip);
        if (outcome === 'changed') affected++;
        else skip(outcome);
      }
    }
    const skippedList = [...skipped].map(([c, count]) => ({ code: c, count }));
    if (!req.dryRun) {
      await this.audit.record({
        actorStaffId: user.id,
        action: 'lead.bulk',
        targetType: 'lead',
        detail: { action: req.action, reason: req.reason, count: affected, selected: leads.length + unknown, toStaffId: req.toStaffId, toBranchId: req.toBranchId, status: req.status, filter: req.filter, skipped: skippedList },
        ip,
      });
    }
    return { affected, ...(skippedList.length ? { skipped: skippedList } : {}), ...(req.dryRun ? { dryRun: true } : {}) };
  }

  /** The target must be one the caller may use (a staff member in reach, a branch for HQ, a bulk status). */
  private async checkTarget(user: AuthUser, req: BulkLeadRequest): Promise<void> {
    if (req.action === 'assign' && req.toStaffId) await this.pool.checkAssignTarget(user, req.toStaffId);
    if (req.action === 'assign' && req.toBranchId) {
      const branch = (await this.org.branchNames([req.toBranchId])).get(req.toBranchId);
      if (!branch || (user.role === 'branch_manager' && req.toBranchId !== user.branchId)) throw AppException.notFound('BRANCH_NOT_FOUND', '门店不存在');
    }
    if (req.action === 'status' && req.status && !BULK_STATUS_TARGETS.includes(req.status)) {
      throw AppException.badRequest('VALIDATION_FAILED', '批量操作不能把线索改为「已成交」，请逐条处理');
    }
  }

  /** The leads the request names: the selected ids (missing ones are out of scope), or every match of the filters. */
  private async selection(user: AuthUser, req: BulkLeadRequest): Promise<{ leads: LeadEntity[]; unknown: number }> {
    if (req.ids) {
      const ids = [...new Set(req.ids)];
      const leads = await this.leads.findByIds(ids);
      return { leads, unknown: ids.length - leads.length };
    }
    const filter = listScope(user, req.filter ?? {});
    if (!filter) return { leads: [], unknown: 0 };
    const { count } = await this.leads.count(filter, BULK_FILTER_MAX);
    if (count > BULK_FILTER_MAX) throw AppException.badRequest('VALIDATION_FAILED', `筛选结果超过 ${BULK_FILTER_MAX} 条，请缩小筛选范围后再批量操作`);
    const all: LeadEntity[] = [];
    let after: { value: null; id: string } | undefined;
    for (;;) {
      const page = await this.leads.page(filter, BATCH, { sort: 'created_desc', after });
      all.push(...page);
      if (page.length < BATCH) return { leads: all, unknown: 0 };
      after = { value: null, id: page[page.length - 1].id };
    }
  }

  /** The single-lead action, deciding again under the lead's lock; its refusals become skip codes. */
  private async applyOne(user: AuthUser, leadId: string, req: BulkLeadRequest, ip: string): Promise<'changed' | LeadBulkSkipCode> {
    try {
      if (req.action === 'status') {
        await this.followUps.changeStatus(user, leadId, { status: req.status!, reason: req.reason });
        return 'changed';
      }
      const to = req.action === 'release' ? { staffId: null } : req.toStaffId ? { staffId: req.toStaffId } : { staffId: null, poolOfBranchId: req.toBranchId };
      const changed = await this.pool.assignChecked(user, leadId, to, req.reason, ip);
      return changed ? 'changed' : req.action === 'assign' && req.toStaffId ? 'ALREADY_OWNED_BY_TARGET' : 'ALREADY_PUBLIC';
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      if (error.code === 'STATUS_TRANSITION_INVALID') return 'STATUS_TRANSITION_INVALID';
      if (error.code === 'LEAD_NOT_FOUND') return 'OUT_OF_SCOPE';
      return 'LEAD_CHANGED';
    }
  }
}
