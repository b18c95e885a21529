import { useState, type FormEvent } from 'react';
import { API, assignLeadRequestSchema, type Branch, type LeadListItem, type Staff } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { activeStaff, StaffOptions } from '../../components/staff-options';
import { validate, type FieldErrors } from '../../forms/validate';

/** The picker's value for 放入公海 (sent as `staffId: null`). */
export const TO_PUBLIC_POOL = 'public-pool';

interface AssignLeadFormProps {
  lead: Pick<LeadListItem, 'id' | 'name' | 'ownerName' | 'pool' | 'branchId'>;
  /** The console user's staff list (a branch manager's is their branch); only active staff are offered. */
  staff: Staff[] | undefined;
  branches: Branch[];
  onAssigned: (lead: LeadListItem, to: string) => void;
  onCancel: () => void;
}

/** 分配/重新分配: 分配给 (an active staff member, or 放入公海) + 原因 → 确认分配. */
export function AssignLeadForm({ lead, staff, branches, onAssigned, onCancel }: AssignLeadFormProps) {
  const api = useApi();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = activeStaff(staff);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = validate(assignLeadRequestSchema, { staffId: target === TO_PUBLIC_POOL ? null : target, reason });
    const found: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!target) found.staffId = '请选择分配给谁';
    if (!checked.ok || Object.keys(found).length) return setErrors(found);
    setErrors({});
    setBusy(true);
    try {
      const updated = await api.post<LeadListItem>(API.leadAssign(lead.id), checked.data);
      const picked = candidates.find((s) => s.id === checked.data.staffId);
      const to = checked.data.staffId === null ? '公海' : (picked?.name ?? '');
      onAssigned(updated, updated.ownerName ?? to);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="assign-form" onSubmit={submit} noValidate aria-label={`分配线索 ${lead.name}`}>
      <p className="hint">
        当前归属：{lead.ownerName ?? (lead.pool === 'public' ? '公海' : '—')}
      </p>
      <div className="inline-form">
        <Field label="分配给" error={errors.staffId}>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">请选择</option>
            <StaffOptions staff={candidates} branches={branches} firstBranchId={lead.branchId} />
            {lead.pool === 'public' ? null : <option value={TO_PUBLIC_POOL}>放入公海</option>}
          </select>
        </Field>
        <Field label="原因" error={errors.reason}>
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} cols={36} maxLength={200} />
        </Field>
      </div>
      <ErrorNotice message={failure} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          确认分配
        </button>
        <button type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
