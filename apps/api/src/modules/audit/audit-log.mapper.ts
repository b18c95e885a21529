import { AUDIT_ACTION_LABELS, LABELS, LEAD_BULK_ACTION_LABELS, type AuditAction, type AuditEntry, type LeadBulkAction, type LeadStatus, type Role } from '@fenji/shared';
import type { AuditLogEntity } from '../../core/audit/audit-log.entity';

export interface AuditNames {
  actors: Map<string, { name: string; role: Role }>;
  /** Readable names of targets: leads, staff, branches, contents, by id. */
  targets: Map<string, string>;
}

const isAction = (a: string): a is AuditAction => a in AUDIT_ACTION_LABELS;
const num = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-US') : '');

/** One sentence of what happened, in words (never a code, an id or an ISO time). */
export function auditSummary(row: AuditLogEntity, detail: Record<string, unknown>, names: AuditNames): string {
  const staff = (id: unknown) => (typeof id === 'string' ? (names.targets.get(id) ?? names.actors.get(id)?.name ?? '某员工') : null);
  switch (row.action) {
    case 'lead.reveal':
      return '查看了完整手机号';
    case 'lead.export':
      return `导出 ${num(detail.count)} 条线索`;
    case 'lead.bulk': {
      const action = detail.action as LeadBulkAction;
      const label = LEAD_BULK_ACTION_LABELS[action] ?? '操作';
      const to = action === 'assign' ? (detail.toStaffId ? `给 ${staff(detail.toStaffId)}` : detail.toBranchId ? `到 ${names.targets.get(String(detail.toBranchId)) ?? '其他门店'} 公海` : '') : action === 'status' ? `为「${LABELS.leadStatus[detail.status as LeadStatus] ?? ''}」` : '';
      return `批量${label}${to} ${num(detail.count)} 条`;
    }
    case 'lead.assigned':
    case 'lead.handover':
      return detail.to ? `分配给 ${staff(detail.to)}` : '放回公海';
    case 'lead.status':
      return `状态改为「${LABELS.leadStatus[detail.to as LeadStatus] ?? ''}」`;
    case 'lead.do_not_contact':
      return detail.doNotContact ? (detail.by === 'customer' ? '客户本人要求不再联系' : '标记为不再联系') : '取消不再联系';
    default:
      return isAction(row.action) ? AUDIT_ACTION_LABELS[row.action] : '其他操作';
  }
}

export function toAuditEntry(row: AuditLogEntity, names: AuditNames): AuditEntry {
  let detail: Record<string, unknown> = {};
  try {
    detail = row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : {};
  } catch {
    detail = {};
  }
  const actor = row.actorStaffId ? names.actors.get(row.actorStaffId) : undefined;
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: row.actorStaffId && actor ? { id: row.actorStaffId, name: actor.name, role: actor.role } : null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetId ? (names.targets.get(row.targetId) ?? null) : null,
    reason: typeof detail.reason === 'string' ? detail.reason : null,
    summary: auditSummary(row, detail, names),
    count: typeof detail.count === 'number' ? detail.count : null,
    ip: row.ip === 'demo' ? null : row.ip,
  };
}
