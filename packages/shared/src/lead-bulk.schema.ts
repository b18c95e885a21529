import { z } from 'zod';
import { LEAD_STATUSES, type LeadStatus } from './enums';
import { leadFilterSchema } from './lead-query.schema';
import { idSchema } from './org.schema';

/**
 * `POST /api/leads/bulk` (hq_admin; branch_manager inside the branch): one action on a selection (`ids`) or on
 * everything the list's filters match (`filter`). Every lead goes through the single-lead rules (assignment,
 * release, status transitions), and every change is audited with the reason. Leads the rules refuse are skipped
 * and counted by reason, never half-changed.
 */
export const LEAD_BULK_ACTIONS = ['assign', 'release', 'status'] as const;
export type LeadBulkAction = (typeof LEAD_BULK_ACTIONS)[number];

export const LEAD_BULK_ACTION_LABELS = {
  assign: '分配',
  release: '放回公海',
  status: '变更状态',
} satisfies Record<LeadBulkAction, string>;

/** Most ids in one request (a selection over a few pages); larger sets go by `filter`. */
export const LEAD_BULK_MAX_IDS = 1000;

const reasonSchema = z
  .string({ error: '请填写原因' })
  .trim()
  .min(1, { message: '请填写原因' })
  .max(200, { message: '原因最多 200 字' });

export const bulkLeadRequestSchema = z
  .object({
    /** The selected leads; or */
    ids: z.array(idSchema).min(1, { message: '请先选择线索' }).max(LEAD_BULK_MAX_IDS, { message: `一次最多 ${LEAD_BULK_MAX_IDS} 条，请改用“全部筛选结果”` }).optional(),
    /** every lead the list's filters match (in the caller's scope). */
    filter: leadFilterSchema.optional(),
    action: z.enum(LEAD_BULK_ACTIONS, { error: '请选择操作' }),
    /** assign: to this staff member; or */
    toStaffId: idSchema.optional(),
    /** assign: to this branch — the leads leave their owner and wait in the branch's public pool for its manager. */
    toBranchId: idSchema.optional(),
    /** status: the new status (leads for which the transition is not allowed are skipped). */
    status: z.enum(LEAD_STATUSES).optional(),
    reason: reasonSchema,
    /** true: change nothing, answer how many would be affected and skipped (for the confirmation). */
    dryRun: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.ids === undefined) === (v.filter === undefined)) ctx.addIssue({ code: 'custom', path: ['ids'], message: '请选择线索，或选择全部筛选结果' });
    if (v.action === 'assign' && (v.toStaffId === undefined) === (v.toBranchId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['toStaffId'], message: '请选择分配给哪位员工或哪个门店' });
    }
    if (v.action === 'status' && !v.status) ctx.addIssue({ code: 'custom', path: ['status'], message: '请选择新状态' });
  });
export type BulkLeadRequest = z.infer<typeof bulkLeadRequestSchema>;

/** Why a lead was left out of a bulk action. */
export const LEAD_BULK_SKIP_CODES = ['STATUS_TRANSITION_INVALID', 'LEAD_NOT_PUBLIC', 'ALREADY_OWNED_BY_TARGET', 'ALREADY_PUBLIC', 'OUT_OF_SCOPE', 'LEAD_CHANGED'] as const;
export type LeadBulkSkipCode = (typeof LEAD_BULK_SKIP_CODES)[number];

export const LEAD_BULK_SKIP_LABELS = {
  STATUS_TRANSITION_INVALID: '当前状态不能改为所选状态',
  LEAD_NOT_PUBLIC: '线索已不在公海',
  ALREADY_OWNED_BY_TARGET: '已归属所选员工',
  ALREADY_PUBLIC: '已在公海',
  OUT_OF_SCOPE: '不在你的管理范围内',
  LEAD_CHANGED: '线索同时被他人修改',
} satisfies Record<LeadBulkSkipCode, string>;

/** The contract's `{ affected }`, plus what was skipped and why. */
export const bulkLeadResponseSchema = z.object({
  affected: z.number().int().min(0),
  skipped: z.array(z.object({ code: z.enum(LEAD_BULK_SKIP_CODES), count: z.number().int().min(1) })).optional(),
  /** Echoes a dry run: nothing was changed. */
  dryRun: z.boolean().optional(),
});
export type BulkLeadResponse = z.infer<typeof bulkLeadResponseSchema>;

/** The statuses a bulk status change may set (converted needs the single-lead flow: it makes a member). */
export const BULK_STATUS_TARGETS: readonly LeadStatus[] = ['contacted', 'qualified', 'lost'];
