import { useState, type FormEvent } from 'react';
import { API, loginRequestSchema, normalizePhone, type AuthTokens } from '@fenji/shared';
import { useApi } from '../api/api-context';
import { errorMessage } from '../api/api-error';
import { validate, type FieldErrors } from '../forms/validate';

/** Where staff members work: the mini-program's H5 build. */
export const STAFF_APP_URL = '/app/';

interface LoginPageProps {
  onLoggedIn: (session: AuthTokens) => void;
}

/** 登录: HQ admins and branch managers only. */
export function LoginPage({ onLoggedIn }: LoginPageProps) {
  const api = useApi();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [staffOnly, setStaffOnly] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    setStaffOnly(false);
    const checked = validate(loginRequestSchema, { phone, password });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { ...checked.data, phone: normalizePhone(checked.data.phone) ?? checked.data.phone };
      const session = await api.postPublic<AuthTokens>(API.login, body);
      if (session.user.role === 'staff') setStaffOnly(true);
      else onLoggedIn(session);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} noValidate>
        <h1>分机 · 总部控制台</h1>
        <div className="field">
          <input
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="username"
            placeholder="手机号"
            aria-label="手机号"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            aria-invalid={errors.phone ? true : undefined}
          />
          {errors.phone ? <small className="field-error">{errors.phone}</small> : null}
        </div>
        <div className="field">
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            placeholder="密码"
            aria-label="密码"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={errors.password ? true : undefined}
          />
          {errors.password ? <small className="field-error">{errors.password}</small> : null}
        </div>
        <button type="submit" className="primary" disabled={busy}>
          登录
        </button>
        {failure ? (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        ) : null}
        {staffOnly ? (
          <p className="notice" role="alert">
            控制台仅供总部和门店负责人使用。员工请在微信小程序或员工端 <a href={STAFF_APP_URL}>{STAFF_APP_URL}</a> 登录。
          </p>
        ) : null}
      </form>
    </main>
  );
}
