import { Clock } from '../src/core/clock/clock';
import { client, type Client } from './support/http';
import { createActiveStaff, createBranch, login, loginHq, nextPhone, type Session } from './support/factories';
import { HQ_PASSWORD, HQ_PHONE, startTestApp, type TestApp } from './support/test-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createWechatSandbox } = require('../../../tools/wechat-sandbox/server.js');

describe('accounts: login, refresh, activation, WeChat login and bind', () => {
  let t: TestApp;
  let api: Client;
  let hq: Session;
  let branchId: string;
  const sandbox = createWechatSandbox();

  beforeAll(async () => {
    const base = await sandbox.listen();
    t = await startTestApp({ WECHAT_API_BASE: base, WECHAT_APPID: sandbox.appid, WECHAT_SECRET: sandbox.secret, LOGIN_MAX_FAILURES: '3' });
    api = client(t.url);
    hq = await loginHq(api);
    branchId = (await createBranch(api, hq)).id;
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it('the HQ admin from HQ_ADMIN_PHONE/PASSWORD logs in with the contract shape', async () => {
    const res = await api.post('/api/auth/login', { phone: `+86 ${HQ_PHONE}`, password: HQ_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { id: expect.any(String), name: expect.any(String), role: 'hq_admin', branchId: null },
    });
  });

  it('wrong credentials are 401 and look the same for an unknown phone', async () => {
    const wrong = await api.post('/api/auth/login', { phone: HQ_PHONE, password: 'not-the-password' });
    const unknown = await api.post('/api/auth/login', { phone: nextPhone(), password: 'not-the-password' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(unknown.body).toEqual(wrong.body);
    expect((await api.post('/api/auth/login', { phone: 'abc', password: 'x' })).body.code).toBe('PHONE_INVALID');
  });

  it('repeated failures are throttled with 429, even for the right password', async () => {
    const staff = await createActiveStaff(api, hq, { branchId });
    for (let i = 0; i < 3; i++) expect((await api.post('/api/auth/login', { phone: staff.staff.phone, password: 'wrong-password' })).status).toBe(401);
    const blocked = await api.post('/api/auth/login', { phone: staff.staff.phone, password: staff.password });
    expect([blocked.status, blocked.body.code]).toEqual([429, 'RATE_LIMITED']);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
  });

  it('refresh rotates: the new pair works, the old refresh token stops working, and reusing it ends the family', async () => {
    const first = await login(api, HQ_PHONE, HQ_PASSWORD);
    const second = await api.post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await api.get('/api/auth/me', { token: second.body.accessToken })).body.role).toBe('hq_admin');
    t.app.get(Clock).advance(60_000); // past the seconds of grace for two tabs refreshing at once
    const reuse = await api.post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect([reuse.status, reuse.body.code]).toEqual([401, 'TOKEN_INVALID']);
    // the reuse revoked the whole family, including the token issued by the rotation
    expect((await api.post('/api/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
    expect((await api.post('/api/auth/refresh', { refreshToken: 'garbage.token' })).status).toBe(401);
    // the leak also ended every access token of the account (token version): sign in again for the next tests
    expect((await api.get('/api/auth/me', { token: hq.token })).status).toBe(401);
    hq = await loginHq(api);
  });

  it('staff activate once with the invite code; the code cannot be used again', async () => {
    const created = await api.post('/api/staff', { name: '新员工', phone: nextPhone(), role: 'staff', branchId }, { token: hq.token });
    expect(created.status).toBe(201);
    expect(created.body.inviteCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(created.body.activated).toBe(false);
    const weak = await api.post('/api/auth/activate', { inviteCode: created.body.inviteCode, password: 'short' });
    expect([weak.status, weak.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const ok = await api.post('/api/auth/activate', { inviteCode: created.body.inviteCode.toLowerCase(), password: 'good-password' });
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ role: 'staff', branchId });
    const me = await api.get('/api/auth/me', { token: ok.body.accessToken });
    expect(me.body).toMatchObject({ role: 'staff', branchId, branchName: expect.any(String) });
    const again = await api.post('/api/auth/activate', { inviteCode: created.body.inviteCode, password: 'other-password' });
    expect([again.status, again.body.code]).toEqual([400, 'INVITE_INVALID']);
    expect((await api.post('/api/auth/login', { phone: created.body.phone, password: 'good-password' })).status).toBe(200);
  });

  it('a disabled staff member is locked out at once: access token, refresh and login', async () => {
    const staff = await createActiveStaff(api, hq, { branchId });
    expect((await api.patch(`/api/staff/${staff.user.id}`, { status: 'disabled' }, { token: hq.token })).status).toBe(200);
    expect((await api.get('/api/contents', { token: staff.token })).status).toBe(401);
    expect((await api.post('/api/auth/refresh', { refreshToken: staff.refreshToken })).status).toBe(401);
    const loginRes = await api.post('/api/auth/login', { phone: staff.staff.phone, password: staff.password });
    expect([loginRes.status, loginRes.body.code]).toEqual([403, 'ACCOUNT_DISABLED']);
  });

  it('WeChat login: an unknown openid gets a bindTicket; binding with an invite code logs in; next time the code logs in directly', async () => {
    const created = await api.post('/api/staff', { name: '微信员工', phone: nextPhone(), role: 'staff', branchId }, { token: hq.token });
    const openid = `o-${Date.now()}`;
    const first = await api.post('/api/auth/wechat', { code: sandbox.issueCode(openid) });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body)).toEqual(['bindTicket']);
    const badBind = await api.post('/api/auth/wechat/bind', { bindTicket: first.body.bindTicket, inviteCode: 'WRONG123' });
    expect([badBind.status, badBind.body.code]).toEqual([400, 'INVITE_INVALID']);
    const bound = await api.post('/api/auth/wechat/bind', { bindTicket: first.body.bindTicket, inviteCode: created.body.inviteCode });
    expect(bound.status).toBe(200);
    expect(bound.body.user).toMatchObject({ id: created.body.id, role: 'staff' });
    const again = await api.post('/api/auth/wechat', { code: sandbox.issueCode(openid) });
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(created.body.id);
    expect(sandbox.calls.some((c: { path: string; query: Record<string, string> }) => c.path === '/sns/jscode2session' && c.query.grant_type === 'authorization_code' && c.query.appid === sandbox.appid)).toBe(true);
  });

  it("WeChat's errors become contract errors: used or invalid code 400, quota 429, outage 503", async () => {
    const code = sandbox.issueCode('o-used');
    await api.post('/api/auth/wechat', { code });
    expect((await api.post('/api/auth/wechat', { code })).body.code).toBe('WECHAT_CODE_INVALID');
    expect((await api.post('/api/auth/wechat', { code: 'never-issued' })).body.code).toBe('WECHAT_CODE_INVALID');
    expect((await api.post('/api/auth/wechat', { code: 'sandbox-quota' })).status).toBe(429);
    const busy = await api.post('/api/auth/wechat', { code: 'sandbox-busy' });
    expect([busy.status, busy.body.code]).toEqual([503, 'WECHAT_UNAVAILABLE']);
    const forged = await api.post('/api/auth/wechat/bind', { bindTicket: 'x'.repeat(40), inviteCode: 'ABCDEFGH' });
    expect([forged.status, forged.body.code]).toEqual([400, 'BIND_TICKET_INVALID']);
  });

  it('records sign-ins in the audit log without secrets', async () => {
    const rows: Array<{ action: string; detail: string | null }> = await t.dataSource.query('SELECT action, detail FROM audit_logs');
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.activate', 'auth.wechat_bind', 'staff.create', 'staff.update']));
    expect(JSON.stringify(rows)).not.toContain(HQ_PASSWORD);
  });
});
