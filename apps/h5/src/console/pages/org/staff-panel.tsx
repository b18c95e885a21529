import { useState, type FormEvent } from 'react';
import {
  API,
  LABELS,
  ROLES,
  createStaffRequestSchema,
  normalizePhone,
  type Branch,
  type Role,
  type Staff,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import type { Loaded } from '../../api/use-load';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { validate, type FieldErrors } from '../../forms/validate';
import { STAFF_APP_URL } from '../login-page';

interface StaffPanelProps {
  staff: Loaded<Staff[]>;
  branches: Branch[];
}

interface Invite {
  name: string;
  code: string;
}

const EMPTY_FORM = { name: '', phone: '', role: 'staff' as Role, branchId: '' };

/** 员工: create (→ invite code to hand over), disable/enable, new invite code. */
export function StaffPanel({ staff, branches }: StaffPanelProps) {
  const api = useApi();
  const [form, setForm] = useState(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<Invite | null>(null);
  const branchName = new Map(branches.map((b) => [b.id, b.name]));

  const replace = (updated: Staff) => staff.setData((list) => (list ?? []).map((s) => (s.id === updated.id ? updated : s)));
  const showInvite = (s: Staff) => setInvite(s.inviteCode ? { name: s.name, code: s.inviteCode } : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const checked = validate(createStaffRequestSchema, { ...form, branchId: form.branchId || null });
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setBusy(true);
    try {
      const body = { ...checked.data, phone: normalizePhone(checked.data.phone) ?? checked.data.phone };
      const created = await api.post<Staff>(API.staff, body);
      staff.setData((list) => [created, ...(list ?? [])]);
      showInvite(created);
      setForm(EMPTY_FORM);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function act(action: () => Promise<Staff>, thenShowInvite = false) {
    setFailure(null);
    try {
      const updated = await action();
      replace(updated);
      if (thenShowInvite) showInvite(updated);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  return (
    <section className="panel">
      <h2>员工</h2>
      <form className="inline-form" onSubmit={submit} noValidate>
        <Field label="姓名" error={errors.name}>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} maxLength={40} />
        </Field>
        <Field label="手机号" error={errors.phone}>
          <input
            type="tel"
            inputMode="tel"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
          />
        </Field>
        <Field label="角色" error={errors.role}>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {LABELS.role[role]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="所属门店" error={errors.branchId}>
          <select value={form.branchId} onChange={(e) => setForm({ ...form, branchId: e.target.value })}>
            <option value="">总部（无门店）</option>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          添加员工
        </button>
      </form>

      {invite ? (
        <div className="invite" role="status">
          <p>
            请把邀请码交给 <strong>{invite.name}</strong>，用于在员工端 {STAFF_APP_URL} 或小程序中激活账号：
          </p>
          <p className="invite-code" data-testid="invite-code">
            {invite.code}
          </p>
          <button type="button" onClick={() => setInvite(null)}>
            知道了
          </button>
        </div>
      ) : null}

      <ErrorNotice message={failure ?? staff.error} />
      <table className="grid">
        <thead>
          <tr>
            <th>姓名</th>
            <th>手机号</th>
            <th>角色</th>
            <th>门店</th>
            <th>状态</th>
            <th>激活</th>
            <th>微信</th>
            <th>邀请码</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {(staff.data ?? []).map((s) => (
            <tr key={s.id} className={s.status === 'disabled' ? 'muted' : undefined}>
              <td>{s.name}</td>
              <td className="num">{s.phone}</td>
              <td>{LABELS.role[s.role]}</td>
              <td>{s.branchId ? (branchName.get(s.branchId) ?? s.branchId) : '总部'}</td>
              <td>{LABELS.staffStatus[s.status]}</td>
              <td>{s.activated ? '已激活' : '未激活'}</td>
              <td>{s.wechatBound ? '已绑定' : '未绑定'}</td>
              <td className="mono">{s.inviteCode ?? '—'}</td>
              <td>
                <div className="actions">
                  <button
                    type="button"
                    onClick={() =>
                      act(() =>
                        api.patch<Staff>(API.staffItem(s.id), { status: s.status === 'active' ? 'disabled' : 'active' }),
                      )
                    }
                  >
                    {s.status === 'active' ? '停用' : '启用'}
                  </button>
                  <button type="button" onClick={() => act(() => api.post<Staff>(API.staffInvite(s.id)), true)}>
                    新邀请码
                  </button>
                </div>
              </td>
            </tr>
          ))}
          {staff.data?.length === 0 ? (
            <tr>
              <td colSpan={9} className="empty">
                还没有员工
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </section>
  );
}
