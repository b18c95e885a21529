import { randomBytes } from 'node:crypto';
import { DEFAULT_POOL_SETTINGS } from '@fenji/shared';
import type { Client, HttpResult } from './support/http';
import { createActiveStaff, createShare, leadVia, nextPhone, useSeededApp, type SeededOrg } from './support/factories';
import { usingMysql, type TestApp } from './support/test-app';

const statuses = (results: HttpResult[]) => results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

/** Findings 2 and 6 of the security review (docs/security.md), and beacon throttling: over HTTP behind a proxy. */
describe('security review: throttling behind a proxy (TRUST_PROXY=1)', () => {
  const ctx = useSeededApp({ TRUST_PROXY: '1', LEAD_RATE_LIMIT_PER_MINUTE: '20', LOGIN_MAX_FAILURES: '5', LOGIN_MAX_FAILURES_PER_ACCOUNT: '12' });
  let t: TestApp;
  let api: Client;
  let org: SeededOrg;
  beforeAll(() => ({ t, api, org } = ctx));
  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

  describe('2. login throttling counts before it checks', () => {
    it('60 parallel logins to one account (59 wrong, 1 right) check at most 5 passwords', async () => {
      const staff = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      const attempts = Array.from({ length: 60 }, (_, i) => api.post('/api/auth/login', { phone: staff.staff.phone, password: i === 30 ? staff.password : `wrong-${i}-pass` }, from('198.51.100.1')));
      const counts = statuses(await Promise.all(attempts));
      expect((counts[401] ?? 0) + (counts[200] ?? 0)).toBeLessThanOrEqual(5);
      expect(counts[429]).toBeGreaterThanOrEqual(55);
    });

    it('40 parallel wrong logins from one IP stop at the per-IP cap of 20', async () => {
      const attempts = Array.from({ length: 40 }, () => api.post('/api/auth/login', { phone: nextPhone('135'), password: 'wrong-password' }, from('198.51.100.2')));
      const counts = statuses(await Promise.all(attempts));
      expect(counts[401]).toBeLessThanOrEqual(20);
      expect(counts[429]).toBeGreaterThanOrEqual(20);
    });

    it('a lockout holds per account and IP: nobody can lock HQ out from one IP; a slower per-account limit stops a spread guess', async () => {
      const staff = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
      for (let i = 0; i < 5; i++) expect((await api.post('/api/auth/login', { phone: staff.staff.phone, password: 'wrong-password' }, from('198.51.100.3'))).status).toBe(401);
      expect((await api.post('/api/auth/login', { phone: staff.staff.phone, password: staff.password }, from('198.51.100.3'))).status).toBe(429);
      expect((await api.post('/api/auth/login', { phone: staff.staff.phone, password: staff.password }, from('198.51.100.4'))).status).toBe(200);
      // 12 failures per account in all: spread over more addresses, the account is throttled everywhere.
      for (let i = 0; i < 7; i++) await api.post('/api/auth/login', { phone: staff.staff.phone, password: 'wrong-password' }, from(`198.51.100.${10 + i}`));
      const spread = await api.post('/api/auth/login', { phone: staff.staff.phone, password: staff.password }, from('198.51.100.99'));
      expect([spread.status, spread.body.code]).toEqual([429, 'RATE_LIMITED']);
    });
  });

  describe('6. client addresses behind a proxy', () => {
    it('40 submissions with forged first hops count against the address the proxy saw: 20 pass the limit of 20', async () => {
      const share = await createShare(api, org.a1, org.content.id);
      const forged: HttpResult[] = [];
      for (let i = 0; i < 40; i++) {
        forged.push(await api.post('/api/public/leads', { shareCode: share.code, phone: nextPhone(), name: '客户', consent: true }, from(`10.${i}.${i}.${i}, 203.0.113.7`)));
      }
      expect(statuses(forged)).toEqual({ 201: 20, 429: 20 });
    });

    it('a 300-character X-Forwarded-For is never a 500 and never overflows a rate-limit key', async () => {
      const share = await createShare(api, org.a1, org.content.id);
      const long = { headers: { 'x-forwarded-for': '9'.repeat(300) } };
      const lead = await api.post('/api/public/leads', { shareCode: share.code, phone: nextPhone(), name: '客户', consent: true }, long);
      expect(lead.status).toBe(201);
      const login = await api.post('/api/auth/login', { phone: nextPhone(), password: 'wrong-password' }, long);
      expect(login.status).toBe(401);
      const activate = await api.post('/api/auth/activate', { inviteCode: 'WRONG234', password: 'tea-garden-42' }, long);
      expect([activate.status, activate.body.code]).toEqual([400, 'INVITE_INVALID']);
      const rows: Array<{ bucket: string }> = await t.dataSource.query('SELECT bucket FROM rate_limits');
      expect(Math.max(...rows.map((r) => r.bucket.length))).toBeLessThanOrEqual(191);
      expect(rows.some((r) => r.bucket.includes('9'.repeat(50)))).toBe(false);
    });
  });

  describe('beacons are throttled per visitor and address, silently', () => {
    it('4,000 forged views of one share from one IP are answered 202 but counted only up to the cap', async () => {
      const share = await createShare(api, org.a1, org.content.id);
      const batches = Array.from({ length: 200 }, () => ({ events: Array.from({ length: 20 }, () => ({ type: 'view', shareCode: share.code, visitorId: randomBytes(12).toString('hex') })) }));
      const answers: HttpResult[] = [];
      for (let i = 0; i < batches.length; i += 20) answers.push(...(await Promise.all(batches.slice(i, i + 20).map((b) => api.post('/api/public/events', b, from('198.51.100.50'))))));
      expect(statuses(answers)).toEqual({ 202: 200 });
      await t.flushVisits();
      const rows: Array<{ n: number | string }> = await t.dataSource.query('SELECT COUNT(*) AS n FROM visit_events e JOIN shares s ON s.id = e.share_id WHERE s.code = ?', [share.code]);
      expect(Number(rows[0].n)).toBeGreaterThan(0);
      // 120 a minute per (address, share): the burst may straddle a minute boundary, so at most two windows' worth.
      expect(Number(rows[0].n)).toBeLessThanOrEqual(2 * 120);
      // another visitor elsewhere is not affected
      expect((await api.post('/api/public/events', { type: 'dwell', shareCode: share.code, visitorId: randomBytes(12).toString('hex'), value: 30 }, from('198.51.100.51'))).status).toBe(202);
      await t.flushVisits();
      const dwell: Array<{ n: number | string }> = await t.dataSource.query("SELECT COUNT(*) AS n FROM visit_events e JOIN shares s ON s.id = e.share_id WHERE s.code = ? AND e.type = 'dwell'", [share.code]);
      expect(Number(dwell[0].n)).toBe(1);
    });
  });
});

/** Findings 4 and 5: the hold cap under concurrency, and dates in a sane range. */
describe('security review: claims under concurrency and dates', () => {
  const ctx = useSeededApp();
  let t: TestApp;
  let api: Client;
  let org: SeededOrg;
  beforeAll(() => ({ t, api, org } = ctx));

  it('4. claimHoldCap=2: of 10 parallel claims of different leads by one staff member exactly 2 succeed', async () => {
    const staff = await createActiveStaff(api, org.hq, { branchId: org.branchA.id });
    const leads = [];
    for (let i = 0; i < 10; i++) leads.push(await leadVia(api, org.a2, org.content.id, org.hq));
    for (const l of leads) expect((await api.post(`/api/leads/${l.id}/assign`, { staffId: null, reason: '放公海' }, { token: org.hq.token })).status).toBe(200);
    expect((await api.request('PUT', '/api/pool-settings', { body: { ...DEFAULT_POOL_SETTINGS, claimHoldCap: 2, claimDailyCap: 100 }, token: org.hq.token })).status).toBe(200);
    const results = await Promise.all(leads.map((l) => api.post(`/api/leads/${l.id}/claim`, undefined, { token: staff.token })));
    expect(statuses(results)).toEqual({ 200: 2, 409: 8 });
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'CLAIM_LIMIT_REACHED')).toBe(true);
    const held = await api.get(`/api/leads?ownerStaffId=${staff.user.id}`, { token: org.hq.token });
    expect(held.body.items).toHaveLength(2);
    await api.request('PUT', '/api/pool-settings', { body: DEFAULT_POOL_SETTINGS, token: org.hq.token });
  });

  describe('5. dates', () => {
    it.each(['-000001-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z', '2026-02-30T00:00:00Z', 'Mon, 01 Jan 2029 00:00:00 GMT'])(
      'a follow-up for %j is refused with 400 and the lead stays readable',
      async (nextAt) => {
        const lead = await leadVia(api, org.a1, org.content.id, org.hq);
        const res = await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'phone', note: '约下次', nextAt }, { token: org.a1.token });
        expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
        expect((await api.get(`/api/leads/${lead.id}`, { token: org.hq.token })).status).toBe(200);
      },
    );

    it('a follow-up for tomorrow is kept as it was sent', async () => {
      const lead = await leadVia(api, org.a1, org.content.id, org.hq);
      const nextAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
      const res = await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'phone', note: '约明天', nextAt }, { token: org.a1.token });
      expect([res.status, res.body.nextAt]).toEqual([201, nextAt]);
    });

    it('list filters take only sane dates', async () => {
      for (const d of ['-000001-01-01T00:00:00Z', '10000-01-01', '+275760-09-13T00:00:00Z', '0001-01-01']) {
        const res = await api.get(`/api/leads?from=${encodeURIComponent(d)}`, { token: org.hq.token });
        expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      expect((await api.get('/api/leads?from=2026-01-01&to=2026-12-31T23:59:59Z', { token: org.hq.token })).status).toBe(200);
    });

    it('a bad date already stored never makes the lead answer 500', async () => {
      const lead = await leadVia(api, org.a1, org.content.id, org.hq);
      const ok = await api.post(`/api/leads/${lead.id}/follow-ups`, { method: 'phone', note: '旧数据' }, { token: org.a1.token });
      expect(ok.status).toBe(201);
      // SQLite keeps whatever text it is given; MariaDB refuses such a value on write.
      if (!usingMysql()) await t.dataSource.query("UPDATE follow_ups SET next_at = '00-1-01-01 00:00:00.000' WHERE id = ?", [ok.body.id]);
      else await t.dataSource.query("UPDATE follow_ups SET next_at = '9999-12-31 23:59:59.999' WHERE id = ?", [ok.body.id]);
      const res = await api.get(`/api/leads/${lead.id}`, { token: org.a1.token });
      expect(res.status).toBe(200);
    });
  });
});
