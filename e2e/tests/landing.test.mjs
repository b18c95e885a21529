// The customer's landing page in Chromium against the real built API: who shared it, a lead that survives a
// lost network (sent once when it returns, and after a reload), the confirmation that cannot be sent twice, the
// returning visitor, the page and form without JavaScript, 不再联系 from the confirmation, a staff member's own
// card, and WeChat's browser (through the WeChat sandbox) asking the API to sign the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, PHONE } from '../support/browser.mjs';
import { HQ, startServer } from '../support/server.mjs';

let server;
let browser;
let hqToken;
const staff = [];
let contentId;

/** A phone without WeChat in its User-Agent (a plain mobile browser). */
const BROWSER_PHONE = { ...PHONE, userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1' };

async function shareBy(member, channel = 'wechat_friend') {
  const login = await server.api('POST', '/api/auth/login', { phone: member.phone, password: member.password });
  return server.api('POST', '/api/shares', { contentId, channel }, login.accessToken);
}

async function leadsWithPhone(phone) {
  return (await server.api('GET', `/api/leads?q=${phone}`, undefined, hqToken)).items;
}

/** Opens the share, fills the form, loses the network and sends: the page shows the lead as pending. */
async function submitOffline(context, share, name, phone) {
  const page = await context.newPage();
  await page.goto(share.url);
  await page.fill('[name=name]', name);
  await page.fill('[name=phone]', phone);
  await page.check('[name=consent]');
  await context.setOffline(true);
  await page.locator('#lead-submit').click();
  await page.locator('#lead-pending').waitFor();
  return page;
}

before(async () => {
  server = await startServer({ wechat: true });
  browser = await launchBrowser();
  hqToken = (await server.api('POST', '/api/auth/login', HQ)).accessToken;
  const branch = await server.api('POST', '/api/branches', { name: '静安店' }, hqToken);
  for (const [name, phone] of [['周一鸣', '13611112222'], ['吴佳', '13611113333']]) {
    const created = await server.api('POST', '/api/staff', { name, phone, role: 'staff', branchId: branch.id }, hqToken);
    await server.api('POST', '/api/auth/activate', { inviteCode: created.inviteCode, password: 'staff-pass-1' });
    staff.push({ id: created.id, name, phone, password: 'staff-pass-1' });
  }
  const content = await server.api(
    'POST',
    '/api/contents',
    {
      kind: 'product',
      title: '家用净水器 春季款',
      summary: '五级过滤，厨下安装',
      ctaText: '预约体验',
      blocks: [
        { type: 'text', text: '滤芯一年一换。\n门店顾问上门安装。' },
        { type: 'facts', items: [{ label: '价格', value: '¥2,980 起' }] },
      ],
      published: true,
    },
    hqToken,
  );
  contentId = content.id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('each staff member sharing the same content is the one the customer sees, and no internal label is shown', async () => {
  for (const member of staff) {
    const share = await shareBy(member);
    const context = await browser.newContext(BROWSER_PHONE);
    const page = await context.newPage();
    await page.goto(share.url);
    await page.getByRole('heading', { name: '家用净水器 春季款' }).waitFor();
    const strip = page.getByRole('region', { name: '分享人' });
    assert.equal((await strip.locator('.name').textContent())?.trim(), member.name);
    const other = staff.find((s) => s !== member);
    assert.doesNotMatch(await page.locator('main').textContent(), new RegExp(other.name));
    assert.doesNotMatch(await page.locator('main').textContent(), /产品|提交/);
    await context.close();
  }
});

test('a lead sent while offline waits on the phone and arrives once when the network returns; no second submit', async () => {
  const share = await shareBy(staff[0]);
  const context = await browser.newContext(BROWSER_PHONE);
  const page = await submitOffline(context, share, '郑先生', '139 1234 0001');
  assert.equal(await page.locator('#lead-submit').isVisible(), false);
  assert.equal((await leadsWithPhone('13912340001')).length, 0);
  await context.setOffline(false);
  await page.locator('#lead-done').filter({ hasText: '周一鸣会在' }).waitFor({ timeout: 15000 });
  assert.match(await page.locator('#lead-done').textContent(), /139\*\*\*\*0001/);
  assert.equal(await page.locator('#lead-form').count(), 0); // nothing left to send twice
  const leads = await leadsWithPhone('13912340001');
  assert.equal(leads.length, 1);
  assert.equal(leads[0].touchCount, 1);
  // Back later: greeted as someone who already left details.
  await page.reload();
  await page.locator('#lead-returning').filter({ hasText: '您已留过联系方式' }).waitFor();
  await context.close();
});

test('a lead left offline is sent after a reload, with the same key: one lead, one touch', async () => {
  const share = await shareBy(staff[1]);
  const context = await browser.newContext(BROWSER_PHONE);
  const page = await submitOffline(context, share, '冯女士', '13912340002');
  await page.close(); // the tab is closed while offline
  await context.setOffline(false);
  const again = await context.newPage();
  await again.goto(share.url);
  await again.locator('#lead-done').filter({ hasText: '吴佳会在' }).waitFor({ timeout: 15000 });
  const leads = await leadsWithPhone('13912340002');
  assert.equal(leads.length, 1);
  assert.equal(leads[0].touchCount, 1);
  await context.close();
});

test("in WeChat's browser the page asks the API to sign its URL (without #) and keeps working when it cannot", async () => {
  const share = await shareBy(staff[0], 'moments');
  const context = await browser.newContext(PHONE); // MicroMessenger User-Agent
  const page = await context.newPage();
  // WeChat's SDK stands in for res.wx.qq.com (no internet here): it records what the page asks of it.
  await page.addInitScript(() => {
    window.__wxCalls = [];
    window.wx = {
      config: (o) => window.__wxCalls.push(['config', o]),
      ready: (cb) => window.__wxCalls.push(['ready']) && cb(),
      error: () => undefined,
      updateAppMessageShareData: (d) => window.__wxCalls.push(['appMessage', d]),
      updateTimelineShareData: (d) => window.__wxCalls.push(['timeline', d]),
    };
  });
  const signing = page.waitForRequest((r) => r.url().includes('/api/public/wechat/jssdk'));
  await page.goto(`${share.url}?from=timeline#lead`);
  const request = await signing;
  assert.equal(new URL(request.url()).searchParams.get('url'), `${share.url}?from=timeline`);
  const answer = await request.response();
  assert.equal(answer.status(), 200); // signed with the (sandbox) official account's ticket
  const signed = await answer.json();
  await page.waitForFunction(() => window.__wxCalls.some(([name]) => name === 'timeline'));
  const calls = await page.evaluate(() => window.__wxCalls);
  const config = calls.find(([name]) => name === 'config')[1];
  assert.equal(config.appId, signed.appId);
  assert.equal(config.signature, signed.signature);
  assert.ok(config.jsApiList.includes('updateTimelineShareData'));
  const timeline = calls.find(([name]) => name === 'timeline')[1];
  assert.match(timeline.link, /\/s\/[0-9A-Za-z]{8,32}$/);
  assert.notEqual(timeline.link, share.url); // the customer's own child share
  assert.equal(timeline.title, '家用净水器 春季款');
  await page.getByRole('heading', { name: '家用净水器 春季款' }).waitFor();
  await context.close();
});

test('without JavaScript the page renders whole and the form posts, answered with a page naming the sharer', async () => {
  const share = await shareBy(staff[1]);
  const context = await browser.newContext({ ...BROWSER_PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(share.url);
  await page.getByRole('heading', { name: '家用净水器 春季款' }).waitFor();
  assert.match(await page.locator('main').textContent(), /¥2,980 起/);
  await page.fill('[name=name]', '褚先生');
  await page.fill('[name=phone]', '13912340003');
  await page.check('[name=consent]');
  await page.getByRole('button', { name: '预约体验' }).first().click();
  await page.waitForURL(/\/thanks$/);
  assert.match(await page.locator('body').textContent(), /吴佳/);
  assert.equal((await leadsWithPhone('13912340003')).length, 1);
  await context.close();
});

test('不再联系 from the confirmation: the signed link opens a confirm page, one tap registers it', async () => {
  const share = await shareBy(staff[0]);
  const context = await browser.newContext(BROWSER_PHONE);
  const page = await context.newPage();
  await page.goto(share.url);
  await page.fill('[name=name]', '卫女士');
  await page.fill('[name=phone]', '13912340004');
  await page.check('[name=consent]');
  await page.locator('#lead-submit').click();
  await page.locator('#lead-done').waitFor();
  const href = await page.locator('#lead-done-optout').getAttribute('href');
  assert.match(href, /\/opt-out\?t=[0-9A-Za-z_.-]{16,}$/);
  await page.locator('#lead-done-optout').click();
  await page.getByText('139****0004').first().waitFor();
  await page.getByRole('button', { name: '确认不再联系' }).click();
  await page.getByRole('heading', { name: '已为您登记不再联系' }).waitFor();
  await context.close();
});

test("a staff member's own card: edited, shared, and the card page shows them with a contact file to save", async () => {
  const login = await server.api('POST', '/api/auth/login', { phone: staff[1].phone, password: staff[1].password });
  const res = await fetch(`${server.url}/api/me/card`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
    body: JSON.stringify({ title: '净水顾问', intro: '静安区上门安装找我', showPhone: true }),
  });
  assert.equal(res.status, 200);
  const share = await server.api('POST', '/api/shares', { card: true, channel: 'wechat_friend' }, login.accessToken);
  const context = await browser.newContext(BROWSER_PHONE);
  const page = await context.newPage();
  await page.goto(share.url);
  await page.getByRole('heading', { name: '吴佳' }).waitFor();
  assert.match(await page.locator('main').textContent(), /静安区上门安装找我/);
  const vcf = await page.locator('a[href$="/contact.vcf"]').getAttribute('href');
  const card = await (await fetch(server.url + vcf)).text();
  assert.match(card, /FN:吴佳/);
  assert.match(card, /TEL;TYPE=CELL:13611113333/);
  await context.close();
});
