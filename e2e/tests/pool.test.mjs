// The lead pool in a real browser: a staff member claims a public lead in the staff app (H5 build) and
// follows it up; HQ reassigns it in the console with a reason; the timeline says why it moved.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser.mjs';
import { HQ, startServer } from '../support/server.mjs';

let server;
let browser;
let hq;
const people = {};

async function activeStaff(name, phone, branchId) {
  const created = await server.api('POST', '/api/staff', { name, phone, role: 'staff', branchId }, hq.accessToken);
  const session = await server.api('POST', '/api/auth/activate', { inviteCode: created.inviteCode, password: 'staff-pass-1' });
  return { id: created.id, name, phone, password: 'staff-pass-1', token: session.accessToken };
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  hq = await server.api('POST', '/api/auth/login', HQ);
  const branch = await server.api('POST', '/api/branches', { name: '徐汇店' }, hq.accessToken);
  people.first = await activeStaff('孙一', '13633334444', branch.id);
  people.claimer = await activeStaff('周二', '13655556666', branch.id);
  const content = await server.api('POST', '/api/contents', { kind: 'article', title: '公海测试文章', body: '正文', published: true }, hq.accessToken);
  const share = await server.api('POST', '/api/shares', { contentId: content.id, channel: 'wechat_friend' }, people.first.token);
  await server.api('POST', '/api/public/leads', { shareCode: share.code, name: '公海客户甲', phone: '13966665555', consent: true });
  const [lead] = (await server.api('GET', '/api/leads?q=13966665555', undefined, hq.accessToken)).items;
  await server.api('POST', `/api/leads/${lead.id}/release`, { reason: '客户暂无需求' }, people.first.token);
  people.leadId = lead.id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a staff member claims a public lead in the staff app and follows it up', async () => {
  const context = await browser.newContext(PHONE);
  const app = await context.newPage();
  await app.goto(`${server.url}/app/`);
  await app.locator('input[placeholder="手机号"]').fill(people.claimer.phone);
  await app.locator('input[placeholder="密码"]').fill(people.claimer.password);
  await app.getByText('登录', { exact: true }).last().click();
  await app.locator('.weui-tabbar__label').getByText('客户', { exact: true }).click();
  await app.locator('#open-pool').click();
  const item = app.locator('.pool-item', { hasText: '公海客户甲' });
  await item.waitFor();
  assert.match(await item.textContent(), /139\*\*\*\*5555/); // masked until claimed
  await item.getByText('领取', { exact: true }).click();
  await app.locator('#pool-notice').filter({ hasText: '领取成功' }).waitFor();
  const claimed = await server.api('GET', `/api/leads/${people.leadId}`, undefined, hq.accessToken);
  assert.equal(claimed.ownerStaffId, people.claimer.id);

  await app.locator('#pool-notice').getByText('去跟进').click();
  // The follow-up form opens from the action bar; the next follow-up is a time in the future (明天 10:00).
  await app.getByText('写跟进', { exact: true }).click();
  await app.locator('textarea[placeholder="跟进内容"]').fill('电话沟通，周六到店');
  await app.locator('.next-follow-up__preset', { hasText: '明天 10:00' }).click();
  await app.getByText('将在 明天 10:00 提醒你跟进').waitFor();
  await app.getByText('保存跟进', { exact: true }).click();
  await app.locator('.follow-up-item__note', { hasText: '电话沟通，周六到店' }).waitFor();
  const followed = await server.api('GET', `/api/leads/${people.leadId}`, undefined, hq.accessToken);
  assert.equal(followed.followUps.length, 1);
  assert.equal(followed.status, 'contacted');
  // 明天 10:00 on the phone's clock (the browser runs in this machine's time zone).
  const tomorrow10 = await app.evaluate(() => {
    const now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 10, 0).toISOString();
  });
  assert.equal(followed.followUps[0].nextAt, tomorrow10);
  assert.ok(Date.parse(followed.followUps[0].nextAt) > Date.now());
  await context.close();
});

test('HQ reassigns the lead in the console with a reason, and the timeline says why', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  await page.getByPlaceholder('手机号').fill(HQ.phone);
  await page.getByPlaceholder('密码').fill(HQ.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '公海客户甲' }).click();
  await page.getByRole('heading', { name: '公海客户甲' }).waitFor();
  assert.match(await page.getByTestId('lead-owner').textContent(), /周二/);
  await page.getByRole('button', { name: '分配', exact: true }).click();
  await page.getByLabel('分配给').click();
  await page.locator('.ant-select-item-option', { hasText: '孙一' }).click();
  await page.getByLabel('原因').fill('孙一熟悉该客户');
  await page.getByRole('button', { name: '确认分配' }).click();
  await page.getByTestId('lead-owner').filter({ hasText: '孙一' }).waitFor();
  // The detail reloads after the assignment: wait for the new timeline entry before reading it.
  await page.getByTestId('lead-timeline').filter({ hasText: '孙一熟悉该客户' }).waitFor();
  const timeline = await page.getByTestId('lead-timeline').textContent();
  assert.match(timeline, /从公海领取/);
  assert.match(timeline, /孙一熟悉该客户/);
  assert.match(await page.getByTestId('ownership-why').textContent(), /孙一/);
  const lead = await server.api('GET', `/api/leads/${people.leadId}`, undefined, hq.accessToken);
  assert.equal(lead.ownerStaffId, people.first.id);

  await page.keyboard.press('Escape'); // close the lead drawer (back to the list, filters kept)
  await page.getByTestId('lead-owner').waitFor({ state: 'detached' });
  await page.getByRole('link', { name: '撞单', exact: true }).click();
  await page.getByRole('link', { name: '公海规则', exact: true }).click();
  await page.getByLabel('保护期（天）').fill('20');
  await page.getByRole('button', { name: '保存规则' }).click();
  await page.getByText('已保存').waitFor();
  assert.equal((await server.api('GET', '/api/pool-settings', undefined, hq.accessToken)).protectionDays, 20);
  await context.close();
});
