import { z } from 'zod';
import { ROLES } from './enums';
import { isoInstantSchema } from './lead-query.schema';
import { idSchema } from './org.schema';

/**
 * 审计日志: who revealed, exported, assigned, changed what. `GET /api/audit-logs` (hq_admin; branch_manager: entries
 * about their branch) is keyset-paged newest first.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.activate',
  'auth.login_wechat',
  'auth.wechat_bind',
  'branch.create',
  'branch.update',
  'branch.delete',
  'staff.create',
  'staff.update',
  'staff.invite',
  'staff.disable',
  'content.create',
  'content.update',
  'content.status',
  'lead.first_touch',
  'lead.public_touch',
  'lead.protection_expired_touch',
  'lead.claimed',
  'lead.assigned',
  'lead.recycled',
  'lead.released',
  'lead.handover',
  'lead.status',
  'lead.reveal',
  'lead.export',
  'lead.bulk',
  'lead.do_not_contact',
  'collision.resolve',
  'pool_settings.update',
  'tag.hq_update',
  'privacy.subject',
  'privacy.erase',
  'privacy.request_done',
  'privacy.retention',
  'upload.create',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.activate': '激活账号',
  'auth.login_wechat': '微信登录',
  'auth.wechat_bind': '绑定微信',
  'branch.create': '新建门店',
  'branch.update': '修改门店',
  'branch.delete': '删除门店',
  'staff.create': '新建员工',
  'staff.update': '修改员工',
  'staff.invite': '重发邀请',
  'staff.disable': '停用员工',
  'content.create': '新建内容',
  'content.update': '修改内容',
  'content.status': '发布/下架内容',
  'lead.first_touch': '线索首次归属',
  'lead.public_touch': '公海线索被触达',
  'lead.protection_expired_touch': '保护期后被触达',
  'lead.claimed': '领取线索',
  'lead.assigned': '分配线索',
  'lead.recycled': '回收线索',
  'lead.released': '放回公海',
  'lead.handover': '停用移交',
  'lead.status': '变更线索状态',
  'lead.reveal': '查看完整手机号',
  'lead.export': '导出线索',
  'lead.bulk': '批量操作线索',
  'lead.do_not_contact': '标记不再联系',
  'collision.resolve': '处理撞单',
  'pool_settings.update': '修改公海规则',
  'tag.hq_update': '修改总部标签',
  'privacy.subject': '查询个人信息',
  'privacy.erase': '删除个人信息',
  'privacy.request_done': '答复个人信息请求',
  'privacy.retention': '到期自动匿名化',
  'upload.create': '上传图片',
} satisfies Record<AuditAction, string>;

/** Actions the audit page offers as quick filters: the ones about customers' personal information and leads. */
export const AUDIT_SENSITIVE_ACTIONS: readonly AuditAction[] = ['lead.reveal', 'lead.export', 'lead.bulk', 'lead.assigned', 'privacy.subject', 'privacy.erase'];

export const auditListQuerySchema = z.object({
  /** Who did it. */
  actorStaffId: idSchema.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** Entries about this lead, staff member, content… */
  targetId: idSchema.optional(),
  /** Matches the actor's or target's name, a phone's visible digits, or the reason. */
  q: z.string().trim().min(1).max(40).optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const AUDIT_TARGET_TYPES = ['lead', 'staff', 'branch', 'content', 'collision', 'pool_settings', 'privacy', 'upload', 'export'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
export const AUDIT_TARGET_LABELS = {
  lead: '线索',
  staff: '员工',
  branch: '门店',
  content: '内容',
  collision: '撞单',
  pool_settings: '公海规则',
  privacy: '个人信息',
  upload: '图片',
  export: '导出',
} satisfies Record<AuditTargetType, string>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  /** null: the system (a rule, a job, a customer's own submission). */
  actor: z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) }).nullable(),
  /** One of AUDIT_ACTIONS; a newer API may send others (shown as 其他操作). */
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's readable name: the lead's name, the staff member's, the content's title. */
  targetLabel: z.string().nullable(),
  reason: z.string().nullable(),
  /** One Chinese sentence of what changed ("分配给 李娜", "导出 1,204 条，筛选：状态 新线索"). */
  summary: z.string(),
  /** How many records the action touched (exports, bulk actions). */
  count: z.number().int().min(0).nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListResponseSchema = z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
