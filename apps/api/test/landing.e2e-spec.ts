import { client, type Client } from './support/http';
import { createContent, createShare, nextPhone, seedOrg, submitLead } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

describe('customer landing pages: GET /s/:code, the no-JS form, re-shares, beacons', () => {
  let t: TestApp;
  let api: Client;
  let org: Awaited<ReturnType<typeof seedOrg>>;

  beforeAll(async () => {
    t = await startTestApp();
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(() => t.close());

  const countViews = async (code: string) => {
    await t.flushVisits();
    const rows: Array<{ n: number | string }> = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM visit_events e JOIN shares s ON s.id = e.share_id WHERE s.code = ? AND e.type = 'view'",
      [code],
    );
    return Number(rows[0].n);
  };

  it('serves the shared content as HTML with a lead form, sets the visitor cookie and records a view per visit', async () => {
    const content = await createContent(api, org.hq, { kind: 'product', title: '净水器', summary: '五级过滤', body: '第一段\n\n第二段' });
    const share = await createShare(api, org.a1, content.id);
    const res = await api.get(`/s/${share.code}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toContain('净水器');
    expect(res.text).toContain('第二段');
    expect(res.text).toMatch(/<form[^>]+method="post"/);
    expect(res.text).toMatch(/name="consent"/);
    expect(res.text).not.toMatch(/name="consent"[^>]*checked/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^fj_vid=[0-9A-Za-z]{22};/);
    expect(cookie).toContain('Secure'); // PUBLIC_BASE_URL is https
    const vid = cookie.split(';')[0];
    const again = await api.get(`/s/${share.code}`, { headers: { cookie: vid } });
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await countViews(share.code)).toBe(2);
  });

  it('sends the page gzipped to browsers that accept it', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const res = await fetch(`${t.url}/s/${share.code}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toContain('accept-encoding');
    expect(await res.text()).toContain('<form'); // fetch un-gzips it
    const plain = await api.get(`/s/${share.code}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.text).toContain('<form');
  });

  it('escapes everything HQ and staff typed', async () => {
    const content = await createContent(api, org.hq, { title: '<script>alert(1)</script>"&', summary: '<img src=x onerror=alert(2)>', body: '</p><script>x()</script>' });
    const share = await createShare(api, org.a1, content.id);
    const res = await api.get(`/s/${share.code}`);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).not.toContain('<img src=x');
    expect(res.text).not.toContain('<script>x()');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('an unknown or malformed code is a 404 HTML page, and records nothing', async () => {
    for (const code of ['NoSuchCode1', 'x', '..%2F..%2Fetc', 'a'.repeat(40)]) {
      const res = await api.get(`/s/${code}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });

  it('an unpublished content stops serving itself: its shares answer 410 with the sharer’s card', async () => {
    const content = await createContent(api, org.hq);
    const share = await createShare(api, org.a1, content.id);
    expect((await api.get(`/s/${share.code}`)).status).toBe(200);
    await api.patch(`/api/contents/${content.id}`, { published: false }, { token: org.hq.token });
    const gone = await api.get(`/s/${share.code}`);
    expect(gone.status).toBe(410); // gone, with the sharer's card instead of a dead end
    expect(gone.text).not.toContain(content.title);
    expect(gone.text).toContain('甲一');
  });

  it('the form works without JavaScript: post, redirect to thanks, lead in the pool; errors re-show the form', async () => {
    const share = await createShare(api, org.a2, org.content.id);
    const phone = nextPhone();
    const form = (fields: Record<string, string>) =>
      api.request('POST', `/s/${share.code}/lead`, { raw: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const noConsent = await form({ name: '表单客户', phone });
    expect(noConsent.status).toBe(400);
    expect(noConsent.text).toContain('表单客户'); // the typed values are kept
    const ok = await form({ name: '表单客户', phone, consent: 'true', message: '<b>你好</b>' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/s/${share.code}/thanks`);
    expect((await api.get(`/s/${share.code}/thanks`)).status).toBe(200);
    const list = await api.get(`/api/leads?q=${phone}`, { token: org.hq.token });
    expect(list.body.items[0]).toMatchObject({ name: '表单客户', ownerStaffId: org.a2.user.id });
    const unknown = await api.request('POST', '/s/NoSuchCode1/lead', { raw: `name=a&phone=${phone}&consent=true`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unknown.status).toBe(404);
  });

  it('a re-share is a child share of the same root staff; a lead through it keeps the referrer and is stitched to earlier visits', async () => {
    const root = await createShare(api, org.b1, org.content.id);
    const visitA = await api.get(`/s/${root.code}`);
    const vidA = (visitA.headers.get('set-cookie') ?? '').split(';')[0].split('=')[1];
    const child = await api.post(`/api/public/shares/${root.code}/reshare`, { visitorId: vidA });
    expect(child.status).toBe(201);
    expect(child.body.code).not.toBe(root.code);
    expect(child.body.url).toBe(`https://m.example.com/s/${child.body.code}`);
    const same = await api.post(`/api/public/shares/${root.code}/reshare`, { visitorId: vidA });
    expect(same.body.code).toBe(child.body.code);

    // friend B opens A's link, then leaves contact details
    const visitB = await api.get(`/s/${child.body.code}`);
    const vidB = (visitB.headers.get('set-cookie') ?? '').split(';')[0];
    const phone = nextPhone();
    const res = await api.post('/api/public/leads', { shareCode: child.body.code, name: '朋友B', phone, consent: true }, { headers: { cookie: vidB } });
    expect(res.status).toBe(201);
    await t.flushVisits();
    const [lead] = (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items;
    expect(lead.ownerStaffId).toBe(org.b1.user.id);
    const detail = await api.get(`/api/leads/${lead.id}`, { token: org.hq.token });
    expect(detail.body).toMatchObject({ referrerVisitorId: vidA, chainDepth: 1 });
    expect(detail.body.shareChain.map((l: { shareCode: string }) => l.shareCode)).toEqual([root.code, child.body.code]);
    expect(detail.body.timeline.some((e: { kind: string; shareCode: string }) => e.kind === 'visit' && e.shareCode === child.body.code)).toBe(true);

    expect((await api.post('/api/public/shares/NoSuchCode1/reshare', {})).status).toBe(404);
    expect((await api.post(`/api/public/shares/${root.code}/reshare`, { visitorId: 'bad id!' })).status).toBe(400);
  });

  it('accepts beacons with 202 (JSON or sendBeacon text/plain) and rejects malformed ones', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const vid = 'visitor0123456789abcd';
    expect((await api.post('/api/public/events', { type: 'dwell', shareCode: share.code, visitorId: vid, value: 12 })).status).toBe(202);
    const beacon = await api.request('POST', '/api/public/events', {
      raw: JSON.stringify({ events: [{ type: 'form_open', shareCode: share.code, visitorId: vid }] }),
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    expect(beacon.status).toBe(202);
    expect((await api.post('/api/public/events', { type: 'hack', shareCode: share.code })).status).toBe(400);
    await t.flushVisits();
    const rows: Array<{ type: string }> = await t.dataSource.query('SELECT type FROM visit_events WHERE visitor_id = ?', [vid]);
    expect(rows.map((r) => r.type).sort()).toEqual(['dwell', 'form_open']);
  });

  it('serves the versioned privacy notice', async () => {
    const res = await api.get('/privacy');
    expect(res.status).toBe(200);
    expect(res.text).toContain('个人信息');
  });

  it('a lead submitted through the landing keeps the first touch even after a re-share by another visitor', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    await submitLead(api, { shareCode: share.code, phone });
    const child = await api.post(`/api/public/shares/${share.code}/reshare`, {});
    await submitLead(api, { shareCode: child.body.code, phone });
    const [lead] = (await api.get(`/api/leads?q=${phone}`, { token: org.hq.token })).body.items;
    expect(lead).toMatchObject({ ownerStaffId: org.a1.user.id, touchCount: 2 });
  });
});
