import { Fragment, useState, type FormEvent } from 'react';
import {
  API,
  LABELS,
  ROLES,
  createStaffRequestSchema,
  normalizePhone,
  updateStaffRequestSchema,
  type Branch,
  type Role,
  type Staff,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import type { Loaded } from '../../api/use-load';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { activeStaff, StaffOptions } from '../../components/staff-options';
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

/** 停用 in progress: whose leads go where ('' = 公海). */
interface Disabling {
  staffId: string;
  handoverTo: string;
}

/** 员工: create (→ invite code to hand over), disable (handing their leads over) / enable, new invite code. */
export function StaffPanel({ staff, branches }: StaffPanelProps) {
  const api = useApi();
  const [form, setForm] = useState(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [invite, setInvite] = useState<Invite | null>(null);
  const [disabling, setDisabling] = useState<Disabling | null>(null);
  const branchName = new Map(branches.map((b) => [b.id, b.name]));

  const replace = (updated: Staff) => staff.setData((list) => (list ?? []).map((s) => (s.id === updated.id ? updated : s)));
  const showInvite = (s: Staff) => setInvite(s.inviteCode ? { name: s.name, code: s.inviteCode } : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    // An HQ admin belongs to no branch (the API refuses one).
    const checked = validate(createStaffRequestSchema, { ...form, branchId: form.role === 'hq_admin' ? null : form.branchId || null });
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

  async function act(action: () => Promise<Staff>, thenShowInvite = false): Promise<boolean> {
    setFailure(null);
    try {
      const updated = await action();
      replace(updated);
      if (thenShowInvite) showInvite(updated);
      return true;
    } catch (e) {
      setFailure(errorMessage(e));
      return false;
    }
  }

  /** 确认停用: their private leads go to the chosen colleague, or to the public pool (null). */
  async function confirmDisable(event: FormEvent) {
    event.preventDefault();
    if (!disabling) return;
    const checked = validate(updateStaffRequestSchema, {
      status: 'disabled',
      handoverToStaffId: disabling.handoverTo || null,
    });
    if (!checked.ok) return setFailure(Object.values(checked.errors)[0] ?? '操作失败，请稍后重试');
    setBusy(true);
    const ok = await act(() => api.patch<Staff>(API.staffItem(disabling.staffId), checked.data));
    setBusy(false);
    if (ok) setDisabling(null);
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
        {form.role === 'hq_admin' ? null : (
          <Field label="所属门店" error={errors.branchId}>
            <select value={form.branchId} onChange={(e) => setForm({ ...form, branchId: e.target.value })}>
              <option value="">请选择门店</option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </Field>
        )}
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
            <Fragment key={s.id}>
              <tr className={s.status === 'disabled' ? 'muted' : undefined}>
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
                    {s.status === 'active' ? (
                      disabling?.staffId === s.id ? null : (
                        <button
                          type="button"
                          onClick={() => {
                            setFailure(null);
                            setDisabling({ staffId: s.id, handoverTo: '' });
                          }}
                        >
                          停用
                        </button>
                      )
                    ) : (
                      <button
                        type="button"
                        onClick={() => void act(() => api.patch<Staff>(API.staffItem(s.id), { status: 'active' }))}
                      >
                        启用
                      </button>
                    )}
                    <button type="button" onClick={() => void act(() => api.post<Staff>(API.staffInvite(s.id)), true)}>
                      新邀请码
                    </button>
                  </div>
                </td>
              </tr>
              {disabling?.staffId === s.id ? (
                <tr className="inline-row">
                  <td colSpan={9}>
                    <form
                      className="inline-form handover-form"
                      onSubmit={confirmDisable}
                      noValidate
                      aria-label={`停用 ${s.name}`}
                    >
                      <Field label="移交给" hint={`${s.name} 的私海线索，以及其分享链接今后带来的新线索，都交给所选同事；选“公海”则进入公海。`}>
                        <select
                          value={disabling.handoverTo}
                          onChange={(e) => setDisabling({ staffId: s.id, handoverTo: e.target.value })}
                        >
                          <option value="">公海</option>
                          <StaffOptions
                            staff={activeStaff(staff.data, s.id)}
                            branches={branches}
                            firstBranchId={s.branchId}
                          />
                        </select>
                      </Field>
                      <button type="submit" className="primary" disabled={busy}>
                        确认停用
                      </button>
                      <button type="button" onClick={() => setDisabling(null)}>
                        取消
                      </button>
                    </form>
                  </td>
                </tr>
              ) : null}
            </Fragment>
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
