import { useState, type FormEvent } from 'react';
import {
  API,
  LABELS,
  LEAD_STATUS_TRANSITIONS,
  changeLeadStatusRequestSchema,
  type LeadListItem,
  type LeadStatus,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { validate, type FieldErrors } from '../../forms/validate';

interface LeadStatusFormProps {
  lead: Pick<LeadListItem, 'id' | 'status'>;
  onChanged: (lead: LeadListItem) => void;
}

/** 状态: only the next statuses `LEAD_STATUS_TRANSITIONS` allows from the current one → 更新状态. */
export function LeadStatusForm({ lead, onChanged }: LeadStatusFormProps) {
  const api = useApi();
  const allowed = LEAD_STATUS_TRANSITIONS[lead.status];
  const [status, setStatus] = useState<LeadStatus | ''>(allowed[0] ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!allowed.length) {
    return <p className="hint">{LABELS.leadStatus[lead.status]}，状态不可再变更。</p>;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = validate(changeLeadStatusRequestSchema, { status, reason: reason.trim() || undefined });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      onChanged(await api.post<LeadListItem>(API.leadStatus(lead.id), checked.data));
      setReason('');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="status-form" onSubmit={submit} noValidate aria-label="变更状态">
      <div className="inline-form">
        <Field label="新状态" error={errors.status}>
          <select value={status} onChange={(e) => setStatus(e.target.value as LeadStatus)}>
            {allowed.map((s) => (
              <option key={s} value={s}>
                {LABELS.leadStatus[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="变更说明" error={errors.reason}>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} placeholder="选填" />
        </Field>
        <button type="submit" disabled={busy}>
          更新状态
        </button>
      </div>
      <ErrorNotice message={failure} />
    </form>
  );
}
