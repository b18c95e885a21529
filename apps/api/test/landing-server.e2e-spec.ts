import { createHash } from 'node:crypto';
import { client, type Client } from './support/http';
import { createShare, nextPhone, seedOrg, submitLead, type Session } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';
import { SharedCache } from '../src/core/coordination/shared-cache';
import { LoggingSmsSender } from '../src/core/sms/sms.sender';
import { WechatClient } from '../src/core/wechat/wechat.client';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createWechatSandbox } = require('../../../tools/wechat-sandbox/server.js');

const WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322f) NetType/WIFI Language/zh_CN';

describe('the landing server: content and card pages, 410, CSP, JS-SDK, OAuth, opt-out, vCard, privacy', () => {
  let t: TestApp;
  let api: Client;
  let org: Awaited<ReturnType<typeof seedOrg>>;
  const sandbox = createWechatSandbox();
  let sandboxBase: string;

  const calls = (path: string) => sandbox.calls.filter((c: { path: string }) => c.path === path).length;
  const blocksContent = (hq: Session, fields: Record<string, unknown> = {}) =>
    api.post(
      '/api/contents',
      {
        kind: 'product',
        title: '家用净水器 春季款',
        summary: '五级过滤，厨下安装',
        coverUrl: 'https://img.example.com/cover.jpg',
        ctaText: '预约体验',
        formFields: ['company', 'city'],
        blocks: [
          { type: 'text', text: '滤芯一年一换。' },
          { type: 'facts', items: [{ label: '价格', value: '¥2,980' }] },
          { type: 'video', url: 'https://v.qq.com/x/page/abc.html', title: '安装演示' },
        ],
        published: true,
        ...fields,
      },
      { token: hq.token },
    );

  beforeAll(async () => {
    sandboxBase = await sandbox.listen();
    t = await startTestApp({ WECHAT_API_BASE: sandboxBase, WECHAT_OPEN_BASE: sandboxBase, WECHAT_OA_APPID: sandbox.oaAppid, WECHAT_OA_SECRET: sandbox.oaSecret });
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it('renders the stored content: cover, blocks, the button in its words, its extra fields, the sharer’s card and HQ’s brand', async () => {
    await api.request('PUT', '/api/me/card', { token: org.a1.token, body: { title: '净水顾问', wechatId: 'zhou_yiming', showWechatId: true, showPhone: false } });
    const brand = await api.request('PUT', '/api/settings/brand', { token: org.hq.token, body: { name: '清泉净水', logoUrl: null, colorPrimary: '#0a7d4f', contactWithin: '2 小时内' } });
    expect(brand.status).toBe(200);
    const content = (await blocksContent(org.hq)).body;
    const share = await createShare(api, org.a1, content.id);
    const res = await api.get(`/s/${share.code}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('https://img.example.com/cover.jpg');
    expect(res.text).toContain('¥2,980');
    expect(res.text).toContain('安装演示');
    expect(res.text).toContain('预约体验');
    expect(res.text).toMatch(/name="company"/);
    expect(res.text).toMatch(/name="city"/);
    expect(res.text).not.toMatch(/name="message"/); // HQ did not pick it for this content
    expect(res.text).toContain('甲一');
    expect(res.text).toContain('净水顾问');
    expect(res.text).toContain('zhou_yiming'); // shown: the member chose to
    expect(res.text).not.toMatch(/href="tel:/); // no phone: the member chose not to show it
    expect(res.text).toContain('清泉净水');
    expect(res.text).toContain('#0a7d4f');
    expect(res.text).not.toMatch(/产品|提交/);
  });

  it('lets WeChat’s JS-SDK load from res.wx.qq.com and nothing else new', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const csp = (await api.get(`/s/${share.code}`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://res.wx.qq.com;");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('a taken-down content answers 410 with the sharer’s card and a form that still reaches them; a draft too', async () => {
    const content = (await blocksContent(org.hq, { title: '下架测试' })).body;
    const share = await createShare(api, org.a2, content.id);
    const down = await api.post(`/api/contents/${content.id}/status`, { status: 'offline' }, { token: org.hq.token });
    expect(down.status).toBe(200);
    expect(down.body.status).toBe('offline');
    const res = await api.get(`/s/${share.code}`);
    expect(res.status).toBe(410);
    expect(res.text).toContain('该内容已下架');
    expect(res.text).toContain('甲二');
    expect(res.text).not.toContain('下架测试');
    expect(res.text).toMatch(/<form[^>]+method="post"/);
    // The share still attributes a lead to its member.
    expect((await submitLead(api, { shareCode: share.code, phone: nextPhone() })).status).toBe(201);
    expect((await api.post(`/api/contents/${content.id}/status`, { status: 'published' }, { token: org.hq.token })).status).toBe(200);
    expect((await api.get(`/s/${share.code}`)).status).toBe(200);
    expect((await api.get('/s/NoSuchCode123')).status).toBe(404);
  });

  it('a card share shows the member’s own card with its featured contents, the form, and a vCard of what they show', async () => {
    const featured = (await blocksContent(org.hq, { title: '推荐的内容' })).body;
    const put = await api.request('PUT', '/api/me/card', { token: org.b1.token, body: { title: '店长助理', intro: '周末讲座可以找我预约', phone: '13912345678', showPhone: true, featuredContentIds: [featured.id] } });
    expect(put.status).toBe(200);
    const share = await api.post('/api/shares', { card: true, channel: 'wechat_friend' }, { token: org.b1.token });
    expect(share.status).toBe(201);
    const page = await api.get(`/s/${share.body.code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('乙一的名片');
    expect(page.text).toContain('周末讲座可以找我预约');
    expect(page.text).toContain('推荐的内容');
    expect(page.text).toContain('tel:13912345678');
    const vcf = await api.get(`/s/${share.body.code}/contact.vcf`);
    expect(vcf.status).toBe(200);
    expect(vcf.headers.get('content-type')).toContain('text/vcard');
    expect(vcf.text).toContain('FN:乙一');
    expect(vcf.text).toContain('TEL;TYPE=CELL:13912345678');
    expect(vcf.text).toContain('TITLE:店长助理');
    // The featured link becomes the member's own share of that content (once), so the visit is theirs.
    const href = page.text.match(/href="(\/s\/[0-9A-Za-z]+\/c\/[0-9A-Z]+)"/)?.[1] as string;
    const first = await api.get(href);
    const second = await api.get(href);
    expect(first.status).toBe(302);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const child = await api.get(first.headers.get('location') as string);
    expect(child.status).toBe(200);
    expect(child.text).toContain('推荐的内容');
    expect(child.text).toContain('乙一');
  });

  it('GET /api/public/wechat/jssdk signs the page with the cached ticket: a signature computed independently matches', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const pageUrl = `https://m.example.com/s/${share.code}?from=timeline`;
    const before = calls('/cgi-bin/ticket/getticket');
    const res = await api.get(`/api/public/wechat/jssdk?url=${encodeURIComponent(`${pageUrl}#lead`)}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ appId: sandbox.oaAppid, timestamp: expect.any(Number), nonceStr: expect.any(String), signature: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const ticket = [...sandbox.tickets.keys()].at(-1) as string;
    const expected = createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${res.body.nonceStr}&timestamp=${res.body.timestamp}&url=${pageUrl}`).digest('hex');
    expect(res.body.signature).toBe(expected);
    // Cached: a second page asks WeChat for nothing.
    const tokensBefore = calls('/cgi-bin/token');
    expect((await api.get(`/api/public/wechat/jssdk?url=${encodeURIComponent(pageUrl)}`)).status).toBe(200);
    expect(calls('/cgi-bin/ticket/getticket')).toBe(before + 1);
    expect(calls('/cgi-bin/token')).toBe(tokensBefore);
  });

  it('refuses other sites’ URLs and bad input in the contract’s shape', async () => {
    const other = await api.get(`/api/public/wechat/jssdk?url=${encodeURIComponent('https://evil.example.org/x')}`);
    expect(other.status).toBe(400);
    expect(other.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((await api.get('/api/public/wechat/jssdk')).status).toBe(400);
  });

  it('OAuth snsapi_base: one redirect in WeChat’s browser, the openid kept with the visitor, never a loop, the page served when WeChat fails', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const first = await api.get(`/s/${share.code}?from=singlemessage`, { headers: { 'user-agent': WECHAT_UA } });
    expect(first.status).toBe(302);
    const authorize = new URL(first.headers.get('location') as string);
    expect(authorize.origin + authorize.pathname).toBe(`${sandboxBase}/connect/oauth2/authorize`);
    expect(authorize.searchParams.get('scope')).toBe('snsapi_base');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`https://m.example.com/s/${share.code}?from=singlemessage`);
    expect(authorize.hash).toBe('#wechat_redirect');
    const asked = (first.headers.get('set-cookie') ?? '').split(';')[0];
    // WeChat sends the browser back with a code.
    const back = await fetch(authorize.toString(), { redirect: 'manual' });
    const returned = new URL(back.headers.get('location') as string);
    const landed = await api.get(`${returned.pathname}${returned.search}`, { headers: { 'user-agent': WECHAT_UA, cookie: asked } });
    // The openid is kept, then the browser goes to the page's own URL (what it signs and shares), once.
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe(`/s/${share.code}?from=singlemessage`);
    const visitor = (landed.headers.get('set-cookie') ?? '').match(/fj_vid=([^;]+)/)?.[1];
    const rows = await t.dataSource.query('SELECT openid FROM visitor_wechat WHERE visitor_id = ?', [visitor]);
    expect(rows).toEqual([{ openid: sandbox.oauthOpenid }]);
    const page = await api.get(landed.headers.get('location') as string, { headers: { 'user-agent': WECHAT_UA, cookie: `${asked}; fj_vid=${visitor}` } });
    expect(page.status).toBe(200);
    // Reloading the returned URL (its code is used up: 40163) still serves the page, and never redirects again.
    const reload = await api.get(`${returned.pathname}${returned.search}`, { headers: { 'user-agent': WECHAT_UA } });
    expect(reload.status).toBe(200);
    expect((await api.get(`/s/${share.code}`, { headers: { 'user-agent': WECHAT_UA, cookie: asked } })).status).toBe(200);
    // Outside WeChat: no OAuth.
    expect((await api.get(`/s/${share.code}`)).status).toBe(200);
  });

  it('an accepted lead gets its signed 不再联系 link; the link opts the phone out at once; a forged one changes nothing', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const phone = nextPhone();
    const lead = await submitLead(api, { shareCode: share.code, phone });
    expect(lead.status).toBe(201);
    expect(lead.body.optOutUrl).toMatch(/^\/opt-out\?t=[0-9A-Za-z_.-]{16,400}$/);
    expect(lead.body.optOutUrl).not.toContain(phone);
    const token = new URL(lead.body.optOutUrl, 'https://x').searchParams.get('t') as string;
    const confirmPage = await api.get(lead.body.optOutUrl);
    expect(confirmPage.status).toBe(200);
    expect(confirmPage.text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const forged = await api.post('/api/public/opt-out', { token: `${token.slice(0, -4)}AAAA` });
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe('OPT_OUT_INVALID');
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM opt_outs WHERE phone = ?', [phone]))[0].n);
    expect(await count()).toBe(0);
    const ok = await api.post('/api/public/opt-out', { token });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, maskedPhone: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    expect(await count()).toBe(1);
  });

  it('anyone else opts out with phone + SMS code (sent through the one SmsSender); a wrong code is refused', async () => {
    const phone = nextPhone();
    const sms = t.app.get(LoggingSmsSender);
    const sent = await api.post('/api/public/opt-out/code', { phone });
    expect(sent.status).toBe(200);
    const code = sms.sent.get(phone)?.match(/\d{6}/)?.[0] as string;
    expect(code).toMatch(/^\d{6}$/);
    const wrong = await api.post('/api/public/opt-out', { phone, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('OPT_OUT_INVALID');
    // The no-JS form: the same, answered with pages.
    const done = await api.request('POST', '/opt-out', { raw: new URLSearchParams({ phone, code }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(done.status).toBe(200);
    expect(done.text).toContain('已为您登记不再联系');
    expect((await api.post('/api/public/opt-out/code', { phone: '123' })).body.code).toBe('PHONE_INVALID');
  });

  it('the form’s extra fields reach the lead with their labels', async () => {
    const content = (await blocksContent(org.hq, { title: '带字段的内容' })).body;
    const share = await createShare(api, org.a1, content.id);
    const phone = nextPhone();
    const res = await api.post('/api/public/leads', { shareCode: share.code, name: '钱先生', phone, consent: true, fields: { company: '钱记茶行', city: '杭州' } });
    expect(res.status).toBe(201);
    const rows = await t.dataSource.query('SELECT t.message FROM touches t JOIN leads l ON l.id = t.lead_id WHERE l.phone = ?', [phone]);
    expect(rows[0].message).toBe('公司：钱记茶行\n所在城市：杭州');
  });

  it('/privacy?v= names the notice’s version; a malformed version goes to the current one', async () => {
    const res = await api.get('/privacy?v=2026-12-01');
    expect(res.status).toBe(200);
    expect(res.text).toContain('版本：2026-12-01');
    expect(res.text).toContain('清泉净水');
    const bad = await api.get('/privacy?v=%3Cscript%3E');
    expect(bad.status).toBe(302);
    expect(bad.headers.get('location')).toBe('/privacy');
  });

  it('GET /api/public/shares/:code: the no-login view of a content or card share', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    const view = await api.get(`/api/public/shares/${share.code}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ code: share.code, url: share.url, subject: 'content', sharer: { name: '甲一', phone: null } });
    const card = await api.post('/api/shares', { card: true, channel: 'moments' }, { token: org.a1.token });
    expect((await api.get(`/api/public/shares/${card.body.code}`)).body).toMatchObject({ subject: 'card', content: null, sharer: { name: '甲一', title: '净水顾问' } });
    expect((await api.get('/api/public/shares/NoSuchCode123')).body.code).toBe('SHARE_NOT_FOUND');
  });
});

describe('JS-SDK without the official account, and a token WeChat expired', () => {
  const sandbox = createWechatSandbox();
  let t: TestApp;
  let api: Client;

  beforeAll(async () => {
    const base = await sandbox.listen();
    t = await startTestApp({ WECHAT_API_BASE: base, WECHAT_OA_APPID: sandbox.oaAppid, WECHAT_OA_SECRET: sandbox.oaSecret });
    api = client(t.url);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it('an expired token is refreshed once and the ticket call retried', async () => {
    // A token is cached, then WeChat expires it early (42001); the ticket's cache entry is gone too.
    await t.app.get(WechatClient).oaAccessToken();
    sandbox.expireTokens();
    const tokens = sandbox.calls.filter((c: { path: string }) => c.path === '/cgi-bin/token').length;
    const res = await api.get(`/api/public/wechat/jssdk?url=${encodeURIComponent('https://m.example.com/s/AbCdEfGh12')}`);
    expect(res.status).toBe(200);
    expect(sandbox.calls.filter((c: { path: string }) => c.path === '/cgi-bin/token').length).toBe(tokens + 1);
    expect(sandbox.calls.filter((c: { path: string }) => c.path === '/cgi-bin/ticket/getticket').length).toBe(2);
    expect(await t.app.get(SharedCache).get(`wechat:oa:${sandbox.oaAppid}:jsapi_ticket`)).toBeTruthy();
  });

  it('503 WECHAT_NOT_CONFIGURED without OA credentials', async () => {
    const bare = await startTestApp();
    try {
      const res = await client(bare.url).get(`/api/public/wechat/jssdk?url=${encodeURIComponent('https://m.example.com/s/AbCdEfGh12')}`);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'WECHAT_NOT_CONFIGURED' });
    } finally {
      await bare.close();
    }
  });
});
