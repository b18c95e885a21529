// 数据看板 in a real browser on the real API (issue 9): numbers seeded through the API (shares, customers opening
// them, a re-share, leads) show on the console's dashboard, the funnel and the rankings in words.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, launchBrowser } from '../support/browser.mjs';
import { HQ, startServer } from '../support/server.mjs';

let server;
let browser;
let hq;

async function activeStaff(name, phone, branchId) {
  const created = await server.api('POST', '/api/staff', { name, phone, role: 'staff', branchId }, hq.accessToken);
  const session = await server.api('POST', '/api/auth/activate', { inviteCode: created.inviteCode, password: 'staff-pass-1' });
  return { id: created.id, token: session.accessToken };
}

/** A customer's browser opening a landing page (the visitor cookie is theirs). */
const open = (url, visitorId) => fetch(url, { headers: { cookie: `fj_vid=${visitorId}` } }).then((r) => r.text());

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  hq = await server.api('POST', '/api/auth/login', HQ);
  const east = await server.api('POST', '/api/branches', { name: '看板东店' }, hq.accessToken);
  const west = await server.api('POST', '/api/branches', { name: '看板西店' }, hq.accessToken);
  const first = await activeStaff('看板甲', '13677770001', east.id);
  const second = await activeStaff('看板乙', '13677770002', west.id);
  const content = await server.api('POST', '/api/contents', { kind: 'product', title: '看板净水器', body: '五级过滤', published: true }, hq.accessToken);
  const a = await server.api('POST', '/api/shares', { contentId: content.id, channel: 'wechat_friend' }, first.token);
  const b = await server.api('POST', '/api/shares', { contentId: content.id, channel: 'moments' }, second.token);
  // 看板甲: 3 customers open the share (one twice), one re-shares, and two leave details; 看板乙: one view.
  for (const [url, vid] of [[a.url, 'dashboardvisitor0001'], [a.url, 'dashboardvisitor0001'], [a.url, 'dashboardvisitor0002'], [a.url, 'dashboardvisitor0003'], [b.url, 'dashboardvisitor0004']]) await open(url, vid);
  await server.api('POST', `/api/public/shares/${a.code}/reshare`, { visitorId: 'dashboardvisitor0002' });
  await server.api('POST', '/api/public/leads', { shareCode: a.code, name: '看板客户一', phone: '13988880001', consent: true, visitorId: 'dashboardvisitor0001' });
  await server.api('POST', '/api/public/leads', { shareCode: a.code, name: '看板客户二', phone: '13988880002', consent: true, visitorId: 'dashboardvisitor0003' });
  // The numbers are in once the visit buffer has flushed and the leads' roll-ups are written.
  for (let i = 0; i < 100; i++) {
    const funnel = await server.api('GET', '/api/stats/funnel', undefined, hq.accessToken);
    if (funnel.views === 5 && funnel.leads === 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the dashboard shows the funnel and the rankings of the seeded data', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  await page.getByPlaceholder('手机号').fill(HQ.phone);
  await page.getByPlaceholder('密码').fill(HQ.password);
  await page.keyboard.press('Enter');
  await page.getByText('数据看板', { exact: true }).first().waitFor();
  await page.goto(`${server.url}/console/dashboard`);
  const numbers = page.getByTestId('funnel-numbers');
  await numbers.getByText('留资线索').waitFor({ timeout: 15000 });
  const values = async () => Object.fromEntries(await numbers.locator('.ant-statistic').evaluateAll((nodes) => nodes.map((n) => [n.querySelector('.ant-statistic-title')?.textContent, n.querySelector('.ant-statistic-content')?.textContent])));
  await page.waitForFunction(() => document.querySelector('[data-testid="funnel-numbers"]')?.textContent?.includes('留资线索'));
  assert.deepEqual(await values(), { 分享次数: '2', 浏览次数: '5', 访客数: '4', 留资线索: '2', 已联系: '0', 已成交: '0' });
  // The staff ranking names 看板甲 first with both leads; the branch ranking names both branches.
  const body = await page.locator('main, .ant-layout-content').first().textContent();
  assert.match(body, /看板甲/);
  assert.match(body, /看板东店/);
  assert.match(body, /看板西店/);
  assert.match(body, /《看板净水器》/);
  assert.doesNotMatch(body, /dashboardvisitor|undefined|NaN/);
  await context.close();
});
