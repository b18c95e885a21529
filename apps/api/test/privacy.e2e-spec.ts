import { createHash } from 'node:crypto';
import { PRIVACY_NOTICE_VERSION } from '@fenji/shared';
import { RetentionService } from '../src/modules/privacy/retention.service';
import { LoggingSmsSender, SmsSender } from '../src/core/sms/sms.sender';
import { client, type Client } from './support/http';
import { createShare, DAY_MS, nextPhone, seedOrg, submitLead, type SeededOrg } from './support/factories';
import { freshDatabase, startTestApp, usingMysql, type TestApp } from './support/test-app';

const count = async (t: TestApp, sql: string, params: unknown[] = []) => Number((await t.dataSource.query(sql, params))[0].n);

/** A browser that opens a share (gets its visitor cookie, one view recorded) and then leaves its details there. */
async function visitAndSubmit(t: TestApp, api: Client, shareCode: string, phone: string, extra: Record<string, unknown> = {}) {
  const page = await api.get(`/s/${shareCode}`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await api.post('/api/public/leads', { shareCode, phone, name: '林小姐', consent: true, message: '想预约到店', ...extra }, { headers: { cookie, 'x-forwarded-for': '198.51.100.77' } });
  await t.flushVisits();
  return res;
}

describe('privacy: the consent ledger and rights requests (over HTTP, real database)', () => {
  let t: TestApp;
  let api: Client;
  let org: SeededOrg;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(() => t.close());

  it('records every consent as its own row: version, hash of the notice served, share, visitor, truncated address', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    expect((await visitAndSubmit(t, api, share.code, phone, { consentVersion: PRIVACY_NOTICE_VERSION })).status).toBe(201);
    expect((await submitLead(api, { shareCode: share.code, phone })).status).toBe(201);
    const notice = await api.get('/privacy');
    const res = await api.get(`/api/privacy/subjects?phone=${phone}`, { token: org.hq.token });
    expect(res.status).toBe(200);
    const [lead] = res.body.leads;
    expect(lead.consents).toHaveLength(2);
    expect(lead.consents[0]).toMatchObject({
      noticeVersion: PRIVACY_NOTICE_VERSION,
      noticeHash: createHash('sha256').update(notice.text).digest('hex'),
      ipPrefix: '127.0.0.0/24', // no trusted proxy: the socket's address, truncated
    });
    expect(lead.consents[0].visitorId).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM consents WHERE lead_id = ? AND ip_prefix LIKE ?', [lead.id, '%.0/24'])).toBe(2);
  });

  it('refuses a consent to another notice version than the one served, writing nothing; a replay of an accepted one still answers 201', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    const leadsBefore = await count(t, 'SELECT COUNT(*) AS n FROM leads');
    const old = await submitLead(api, { shareCode: share.code, phone, ...{ consentVersion: '2025-01-01' } } as never);
    expect(old.status).toBe(409);
    expect(old.body).toMatchObject({ statusCode: 409, code: 'CONSENT_OUTDATED', details: { currentVersion: PRIVACY_NOTICE_VERSION } });
    expect(old.body.message).toContain('隐私政策已更新');
    expect(await count(t, 'SELECT COUNT(*) AS n FROM leads')).toBe(leadsBefore);

    const key = 'consent-replay-0001';
    expect((await api.post('/api/public/leads', { shareCode: share.code, phone, name: '客户', consent: true, idempotencyKey: key, consentVersion: PRIVACY_NOTICE_VERSION })).status).toBe(201);
    // The outbox retries after a deploy that changed the notice: the lead was accepted, so the answer stays 201.
    expect((await api.post('/api/public/leads', { shareCode: share.code, phone, name: '客户', consent: true, idempotencyKey: key, consentVersion: '2025-01-01' })).status).toBe(201);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM consents c JOIN leads l ON l.id = c.lead_id WHERE l.phone = ?', [phone])).toBe(1);
  });

  it('exports everything held about a phone to HQ only, audited without the phone; bad input is a contract error', async () => {
    const share = await createShare(api, org.a2, org.content.id);
    const phone = nextPhone();
    await visitAndSubmit(t, api, share.code, phone);
    const res = await api.get(`/api/privacy/subjects?phone=${encodeURIComponent(`+86 ${phone}`)}`, { token: org.hq.token });
    expect(res.status).toBe(200);
    expect(res.body.phone).toBe(phone);
    const [lead] = res.body.leads;
    expect(lead).toMatchObject({ name: '林小姐', phone, message: '想预约到店', status: 'new' });
    expect(lead.touches).toEqual([expect.objectContaining({ name: '林小姐', message: '想预约到店', shareId: expect.any(String) })]);
    expect(lead.visits.length).toBeGreaterThanOrEqual(1);
    expect(lead.ownership[0]).toMatchObject({ rule: 'first_touch' });
    const audit = await t.dataSource.query("SELECT detail FROM audit_logs WHERE action = 'privacy.subject' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(audit[0].detail)).toEqual({ leadIds: [lead.id] });
    expect(audit[0].detail).not.toContain(phone);

    for (const who of [org.manager, org.a2]) {
      const denied = await api.get(`/api/privacy/subjects?phone=${phone}`, { token: who.token });
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    }
    expect((await api.get(`/api/privacy/subjects?phone=${phone}`)).status).toBe(401);
    const bad = await api.get('/api/privacy/subjects?phone=12345', { token: org.hq.token });
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'PHONE_INVALID' });
    expect((await api.get(`/api/privacy/subjects?phone=${nextPhone()}`, { token: org.hq.token })).body.leads).toEqual([]);
  });

  it('erases a person: name, phone, messages and visits gone, counts and the audit entry kept, no search finds the phone', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    await visitAndSubmit(t, api, share.code, phone);
    await submitLead(api, { shareCode: share.code, phone, message: '第二次留言' });
    const [listed] = (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items;
    expect((await api.post(`/api/leads/${listed.id}/follow-ups`, { method: 'phone', note: `林小姐 ${phone} 想周六到店` }, { token: org.a1.token })).status).toBe(201);
    const visitorIds = (await t.dataSource.query('SELECT id FROM visitors WHERE lead_id = ?', [listed.id])).map((v: { id: string }) => v.id);
    expect(visitorIds.length).toBe(1);

    const before = { leads: await count(t, 'SELECT COUNT(*) AS n FROM leads'), touches: await count(t, 'SELECT COUNT(*) AS n FROM touches') };
    const res = await api.post('/api/privacy/subjects/erase', { phone, reason: '本人电话要求删除' }, { token: org.hq.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ erased: 1 });

    expect(await count(t, 'SELECT COUNT(*) AS n FROM leads')).toBe(before.leads);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM touches')).toBe(before.touches);
    const [row] = await t.dataSource.query('SELECT name, phone, message, touch_count, erased_at FROM leads WHERE id = ?', [listed.id]);
    expect(row).toMatchObject({ name: '已删除', message: null });
    expect(Number(row.touch_count)).toBe(2);
    expect(row.erased_at).not.toBeNull();
    expect(row.phone).not.toContain(phone.slice(-4));
    const everything = JSON.stringify(await t.dataSource.query('SELECT * FROM leads l JOIN touches t ON t.lead_id = l.id LEFT JOIN follow_ups f ON f.lead_id = l.id LEFT JOIN notifications n ON n.lead_id = l.id WHERE l.id = ?', [listed.id]));
    for (const gone of [phone, '林小姐', '想预约到店', '第二次留言', '周六到店']) expect(everything).not.toContain(gone);
    expect(await count(t, `SELECT COUNT(*) AS n FROM visit_events WHERE visitor_id IN (${visitorIds.map(() => '?').join(',')})`, visitorIds)).toBe(0);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM visitors WHERE lead_id = ?', [listed.id])).toBe(0);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM consents WHERE lead_id = ? AND (visitor_id IS NOT NULL OR ip_prefix IS NOT NULL)', [listed.id])).toBe(0);
    expect(await count(t, 'SELECT COUNT(*) AS n FROM consents WHERE lead_id = ?', [listed.id])).toBe(2);

    for (const q of [phone, phone.slice(-4), phone.slice(0, 7), '林小姐']) {
      const found = (await api.get(`/api/leads?q=${encodeURIComponent(q)}`, { token: org.hq.token })).body.items.filter((l: { id: string }) => l.id === listed.id);
      expect(found).toEqual([]);
    }
    expect((await api.get(`/api/privacy/subjects?phone=${phone}`, { token: org.hq.token })).body.leads).toEqual([]);
    const audit = await t.dataSource.query("SELECT actor_staff_id, detail FROM audit_logs WHERE action = 'privacy.erase' ORDER BY id DESC LIMIT 1");
    expect(audit[0].actor_staff_id).toBe(org.hq.user.id);
    expect(JSON.parse(audit[0].detail)).toEqual({ reason: '本人电话要求删除', leadIds: [listed.id] });

    // Asked again: nothing left to erase, still audited. The same phone can come back as a new person.
    expect((await api.post('/api/privacy/subjects/erase', { phone, reason: '重复请求' }, { token: org.hq.token })).body).toEqual({ erased: 0 });
    expect((await submitLead(api, { shareCode: share.code, phone })).status).toBe(201);
    expect((await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items).toHaveLength(1);
  });

  it('erase: only HQ, bad input in the contract shape, nothing changed', async () => {
    const share = await createShare(api, org.b1, org.content.id);
    const phone = nextPhone();
    await submitLead(api, { shareCode: share.code, phone });
    const audits = await count(t, "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'privacy.erase'");
    for (const [body, code] of [
      [{ phone, reason: '' }, 'VALIDATION_FAILED'],
      [{ phone }, 'VALIDATION_FAILED'],
      [{ phone: '1234', reason: '本人要求' }, 'PHONE_INVALID'],
      [{ phone, reason: 'x'.repeat(201) }, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await api.post('/api/privacy/subjects/erase', body, { token: org.hq.token });
      expect([res.status, res.body.code]).toEqual([400, code]);
      expect(typeof res.body.message).toBe('string');
    }
    for (const who of [org.manager, org.b1]) {
      expect((await api.post('/api/privacy/subjects/erase', { phone, reason: '本人要求' }, { token: who.token })).status).toBe(403);
    }
    expect(await count(t, "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'privacy.erase'")).toBe(audits);
    expect((await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items[0].name).toBe('客户');
  });
});

describe('privacy: customers’ rights requests, verified by SMS code, with HQ’s deadline', () => {
  let t: TestApp;
  let api: Client;
  let org: SeededOrg;
  const codeSentTo = (phone: string) => /验证码为 (\d{6})/.exec((t.app.get(SmsSender) as LoggingSmsSender).sent.get(phone) ?? '')?.[1] ?? '';

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(() => t.close());

  it('takes a request only with the code sent to the phone, once; HQ lists it with 15 working days and closes it', async () => {
    const phone = nextPhone();
    expect((await api.post('/api/public/privacy-requests/code', { phone })).status).toBe(204);
    const code = codeSentTo(phone);
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await api.post('/api/public/privacy-requests', { phone, code: code === '000000' ? '111111' : '000000', kind: 'erase' });
    expect(wrong.body).toMatchObject({ statusCode: 400, code: 'SMS_CODE_INVALID' });
    expect((await api.get('/api/privacy/requests', { token: org.hq.token })).body.items).toEqual([]);

    const res = await api.post('/api/public/privacy-requests', { phone, code, kind: 'erase', message: '请删除我的手机号' });
    expect(res.status).toBe(201);
    expect(res.body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const again = await api.post('/api/public/privacy-requests', { phone, code, kind: 'access' });
    expect(again.body.code).toBe('SMS_CODE_INVALID'); // one request per code

    const list = await api.get('/api/privacy/requests?status=open', { token: org.hq.token });
    expect(list.body.items).toEqual([expect.objectContaining({ phone, kind: 'erase', message: '请删除我的手机号', status: 'open', dueDate: res.body.dueDate, workingDaysLeft: 15, handledAt: null })]);
    for (const who of [org.manager, org.a1]) expect((await api.get('/api/privacy/requests', { token: who.token })).status).toBe(403);

    const id = list.body.items[0].id;
    expect((await api.post(`/api/privacy/requests/${id}/done`, { note: '' }, { token: org.hq.token })).body.code).toBe('VALIDATION_FAILED');
    expect((await api.post('/api/privacy/requests/01JD0000000000000000000000/done', { note: '已删除' }, { token: org.hq.token })).body.code).toBe('PRIVACY_REQUEST_NOT_FOUND');
    const done = await api.post(`/api/privacy/requests/${id}/done`, { note: '已删除该手机号的全部信息' }, { token: org.hq.token });
    expect(done.body).toMatchObject({ status: 'done', note: '已删除该手机号的全部信息', workingDaysLeft: null, handledByName: expect.any(String) });
    expect((await api.get('/api/privacy/requests?status=open', { token: org.hq.token })).body.items).toEqual([]);
    expect(await count(t, "SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'privacy.request_done' AND target_id = ?", [id])).toBe(1);
  });

  it('the customer’s page, linked from every landing page, works without JavaScript and escapes what it echoes', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    expect((await api.get(`/s/${share.code}`)).text).toContain('<a href="/privacy/request">个人信息请求</a>');
    const page = await api.get('/privacy/request');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('action="/privacy/request/code"');
    const form = (fields: Record<string, string>) => ({ raw: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const phone = nextPhone();
    const bad = await api.request('POST', '/privacy/request/code', form({ phone: '12<b>3' }));
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('手机号格式不正确');
    expect(bad.text).not.toContain('12<b>3');
    const sent = await api.request('POST', '/privacy/request/code', form({ phone }));
    expect(sent.status).toBe(200);
    expect(sent.text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const wrong = await api.request('POST', '/privacy/request', form({ phone, code: '000000' === codeSentTo(phone) ? '111111' : '000000', kind: 'correct', message: '<script>alert(1)</script>' }));
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('验证码不正确');
    expect(wrong.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(wrong.text).not.toContain('<script>alert(1)');
    const done = await api.request('POST', '/privacy/request', form({ phone, code: codeSentTo(phone), kind: 'correct', message: '名字写错了' }));
    expect(done.status).toBe(201);
    expect(done.text).toContain('已收到您的请求');
    expect(done.text).toMatch(/在 <b>\d{4}年\d{1,2}月\d{1,2}日<\/b> 前处理/);
    const listed = (await api.get('/api/privacy/requests', { token: org.hq.token })).body.items.find((r: { phone: string }) => r.phone === phone);
    expect(listed).toMatchObject({ kind: 'correct', message: '名字写错了', status: 'open' });
  });

  it('a code is gone after five wrong tries; codes are limited per phone', async () => {
    const phone = nextPhone();
    await api.post('/api/public/privacy-requests/code', { phone });
    const code = codeSentTo(phone);
    const other = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect((await api.post('/api/public/privacy-requests', { phone, code: other, kind: 'access' })).body.code).toBe('SMS_CODE_INVALID');
    expect((await api.post('/api/public/privacy-requests', { phone, code, kind: 'access' })).body.code).toBe('SMS_CODE_INVALID');
    expect((await api.post('/api/public/privacy-requests/code', { phone })).status).toBe(204);
    expect((await api.post('/api/public/privacy-requests/code', { phone })).status).toBe(204);
    expect((await api.post('/api/public/privacy-requests/code', { phone })).body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect((await api.post('/api/public/privacy-requests/code', { phone: '123' })).body.code).toBe('PHONE_INVALID');
    expect((await api.post('/api/public/privacy-requests', { phone, code: '12', kind: 'nope' })).status).toBe(400);
  });
});

describe('privacy: the retention job', () => {
  it('purges old visits and anonymises stale unconverted leads; two processes running it at once act once', async () => {
    // On MariaDB two apps share the database, as two processes would. SQLite's busy wait blocks the event loop,
    // so two apps in one process would wait on each other: there the two runs race inside one app, lock bypassed.
    const db = await freshDatabase();
    const first = await startTestApp({}, db);
    const second = usingMysql() ? await startTestApp({}, db) : first;
    try {
      const api = client(first.url);
      const org = await seedOrg(api);
      const share = await createShare(api, org.a1, org.content.id);
      const stale: string[] = [];
      for (let i = 0; i < 7; i++) {
        const phone = nextPhone();
        await visitAndSubmit(first, api, share.code, phone);
        stale.push((await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items[0].id);
      }
      const converted = stale.pop() as string;
      const followed = stale.pop() as string;
      for (const status of ['contacted', 'converted']) {
        expect((await api.post(`/api/leads/${converted}/status`, { status }, { token: org.a1.token })).status).toBe(200);
      }
      const oldVisits = await count(first, 'SELECT COUNT(*) AS n FROM visit_events');
      expect(oldVisits).toBeGreaterThanOrEqual(7);

      // 700 days later: one lead is followed up; a new visit arrives. 40 more days: visits of day 0 are past 365
      // days, leads untouched since day 0 are past 730 days; the follow-up of day 700 keeps its lead.
      const clocks = new Set([first.clock, second.clock]);
      for (const clock of clocks) clock.advance(700 * DAY_MS);
      expect((await api.post(`/api/leads/${followed}/follow-ups`, { method: 'wechat', note: '发了新品资料' }, { token: org.a1.token })).status).toBe(201);
      await api.get(`/s/${share.code}`);
      await first.flushVisits();
      for (const clock of clocks) clock.advance(40 * DAY_MS);

      const race = (t: TestApp) => (usingMysql() ? t.app.get(RetentionService).run() : t.app.get(RetentionService).runUnlocked());
      const runs = await Promise.all([race(first), race(second)]);
      expect(runs.every((r) => r.ran)).toBe(true);
      expect(runs[0].leadsAnonymised + runs[1].leadsAnonymised).toBe(stale.length);
      expect(runs[0].visitEventsPurged + runs[1].visitEventsPurged).toBe(oldVisits);
      expect(await count(first, 'SELECT COUNT(*) AS n FROM visit_events')).toBe(1);

      const rows: Array<{ id: string; name: string; erased_at: unknown }> = await first.dataSource.query('SELECT id, name, erased_at FROM leads');
      for (const id of stale) expect(rows.find((r) => r.id === id)).toMatchObject({ name: '已删除' });
      for (const id of [converted, followed]) expect(rows.find((r) => r.id === id)).toMatchObject({ name: '林小姐', erased_at: null });
      const audited = await first.dataSource.query("SELECT target_id, COUNT(*) AS n FROM audit_logs WHERE action = 'privacy.retention' GROUP BY target_id");
      expect(audited.map((a: { target_id: string }) => a.target_id).sort()).toEqual([...stale].sort());
      expect(audited.every((a: { n: number | string }) => Number(a.n) === 1)).toBe(true);

      // Resumable and idempotent: a later run finds nothing left.
      expect(await second.app.get(RetentionService).run()).toEqual({ ran: true, visitEventsPurged: 0, leadsAnonymised: 0 });
    } finally {
      if (second !== first) await second.close();
      await first.close();
      await db.drop();
    }
  });

  it('POST /api/jobs/retention is HQ’s', async () => {
    const t = await startTestApp();
    try {
      const api = client(t.url);
      const org = await seedOrg(api);
      expect((await api.post('/api/jobs/retention', undefined, { token: org.a1.token })).status).toBe(403);
      const res = await api.post('/api/jobs/retention', undefined, { token: org.hq.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ran: true, visitEventsPurged: 0, leadsAnonymised: 0 });
    } finally {
      await t.close();
    }
  });
});
