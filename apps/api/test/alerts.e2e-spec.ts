import { eventually } from './support/eventually';
import { client, type Client } from './support/http';
import { createBranch, createContent, createShare, loginHq, nextPhone, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createWechatSandbox } = require('../../../tools/wechat-sandbox/server.js');

/** WeChat alerts over HTTP against the WeChat sandbox: our quota of one-time subscribe messages, the cap, WeChat's errors. */
describe('alerts: subscribe messages through the WeChat client (sandbox), the quota and the hourly cap', () => {
  let t: TestApp;
  let api: Client;
  const sandbox = createWechatSandbox();
  const openid = 'o-alerts-staff-1';
  let staff: Session;
  let share: { code: string };
  let title: string;

  beforeAll(async () => {
    const base = await sandbox.listen();
    t = await startTestApp({
      WECHAT_API_BASE: base,
      WECHAT_APPID: sandbox.appid,
      WECHAT_SECRET: sandbox.secret,
      WECHAT_SUBSCRIBE_TEMPLATES: 'new_lead=tmpl-new-lead,hot_return=tmpl-hot-return',
      ALERTS_PER_STAFF_PER_HOUR: '4',
    });
    api = client(t.url);
    const hq = await loginHq(api);
    const branch = await createBranch(api, hq);
    const created = await api.post('/api/staff', { name: '提醒员工', phone: nextPhone(), role: 'staff', branchId: branch.id }, { token: hq.token });
    const ticket = await api.post('/api/auth/wechat', { code: sandbox.issueCode(openid) });
    const bound = await api.post('/api/auth/wechat/bind', { bindTicket: ticket.body.bindTicket, inviteCode: created.body.inviteCode });
    staff = { token: bound.body.accessToken, refreshToken: bound.body.refreshToken, user: bound.body.user };
    const content = await createContent(api, hq, { title: '一款非常非常非常非常长名字的智能净水器' });
    title = content.title;
    share = await createShare(api, staff, content.id);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  const status = async () => (await api.get('/api/me/subscriptions', { token: staff.token })).body;
  const remaining = async () => (await status()).templates.find((x: { topic: string }) => x.topic === 'new_lead').remaining as number;
  /** The staff member taps 开启提醒 and accepts: WeChat records it, the app reports it. */
  const accept = async (times = 1) => {
    for (let i = 0; i < times; i++) {
      await fetch(`http://127.0.0.1:${sandbox.server.address().port}/__sandbox/subscribe`, { method: 'POST', body: JSON.stringify({ openid, templateId: 'tmpl-new-lead' }) });
      expect((await api.post('/api/me/subscriptions', { accepted: ['tmpl-new-lead', 'tmpl-unknown'] }, { token: staff.token })).status).toBe(200);
    }
  };
  const lead = async (name: string) => {
    expect((await api.post('/api/public/leads', { shareCode: share.code, name, phone: nextPhone(), consent: true })).status).toBe(201);
    // The notice is written whatever happens to the WeChat message.
    await eventually(async () => ((await api.get('/api/notifications', { token: staff.token })).body as { leadName: string }[]).some((n) => n.leadName === name));
  };

  it('lists the templates to ask for with the caller\'s remaining messages; accepted ones add one each, unknown ids are ignored; bad bodies are 400', async () => {
    expect(await status()).toEqual({
      templates: [
        { topic: 'new_lead', templateId: 'tmpl-new-lead', remaining: 0 },
        { topic: 'hot_return', templateId: 'tmpl-hot-return', remaining: 0 },
      ],
    });
    for (const body of [{}, { accepted: 'tmpl-new-lead' }, { accepted: ['a', 'b', 'c', 'd'] }, { accepted: [''] }]) {
      const res = await api.post('/api/me/subscriptions', body, { token: staff.token });
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await remaining()).toBe(0);
    expect((await api.get('/api/me/subscriptions')).status).toBe(401);
  });

  it('sends a new lead\'s alert once per accepted subscription, in WeChat\'s shape; none without a quota; zeroes the quota on 43101; caps the hour', async () => {
    await accept();
    expect(await remaining()).toBe(1);
    await lead('提醒客户一');
    const sent = await eventually(async () => sandbox.messages.find((m: { data: { thing1: string } }) => m.data.thing1 === '提醒客户一'));
    expect(sent).toMatchObject({ touser: openid, templateId: 'tmpl-new-lead', page: expect.stringMatching(/^packages\/lead\/pages\/detail\/index\?id=[0-9A-Z]{26}$/) });
    expect([...sent.data.thing2].length).toBeLessThanOrEqual(20);
    expect(sent.data.thing2.startsWith(title.slice(0, 10))).toBe(true);
    expect(sent.data.time3).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await remaining()).toBe(0);

    await lead('提醒客户二'); // no quota: nothing sent
    expect(sandbox.messages).toHaveLength(1);

    // Our count says 1 but WeChat has none for this user (the app reported without WeChat recording it): 43101 → 0.
    await api.post('/api/me/subscriptions', { accepted: ['tmpl-new-lead'] }, { token: staff.token });
    await lead('提醒客户三');
    await eventually(async () => (await remaining()) === 0);
    expect(sandbox.messages).toHaveLength(1);

    // An expired token is fetched again once; then the hourly cap (4 tries: 客户一, 客户三, 客户四, 客户五) holds.
    await accept(3);
    sandbox.expireTokens();
    await lead('提醒客户四');
    await eventually(async () => sandbox.messages.some((m: { data: { thing1: string } }) => m.data.thing1 === '提醒客户四'));
    await lead('提醒客户五');
    await eventually(async () => sandbox.messages.some((m: { data: { thing1: string } }) => m.data.thing1 === '提醒客户五'));
    await lead('提醒客户六');
    await new Promise((r) => setTimeout(r, 300));
    expect(sandbox.messages.map((m: { data: { thing1: string } }) => m.data.thing1)).toEqual(['提醒客户一', '提醒客户四', '提醒客户五']);
    expect(await remaining()).toBe(1);
    expect(sandbox.subscriptionsLeft(openid, 'tmpl-new-lead')).toBe(1);
  });

  it('the sandbox answers WeChat\'s errors for bad templates and data', async () => {
    const base = `http://127.0.0.1:${sandbox.server.address().port}`;
    const json = async (res: Response) => (await res.json()) as { errcode?: number; access_token?: string };
    const token = (await json(await fetch(`${base}/cgi-bin/token?grant_type=client_credential&appid=${sandbox.appid}&secret=${sandbox.secret}`))).access_token;
    const send = async (body: unknown) => (await json(await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=${token}`, { method: 'POST', body: JSON.stringify(body) }))).errcode;
    expect(await send({ touser: openid, template_id: 'nope', data: {} })).toBe(40037);
    expect(await send({ touser: openid, template_id: 'tmpl-new-lead', data: { thing1: { value: 'x'.repeat(21) } } })).toBe(47003);
    expect(await send({ touser: openid, template_id: 'tmpl-new-lead', data: { time3: { value: '明天' } } })).toBe(47003);
    expect(await send({ touser: 'o-never-seen', template_id: 'tmpl-new-lead', data: {} })).toBe(40003);
    expect((await json(await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=bad`, { method: 'POST', body: '{}' }))).errcode).toBe(40001);
  });
});
