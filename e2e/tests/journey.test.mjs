// The journey that must always work, in a real browser against the real built system:
// HQ publishes content in the console → a staff member signs in to the staff app (the mini-program's H5
// build) and shares it → the customer opens the link on a phone and leaves name and phone with consent →
// the lead is in the console's pool, owned by that staff member, and in the staff member's "我的客户".
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser.mjs';
import { HQ, startServer } from '../support/server.mjs';

let server;
let browser;
let staff;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // The organisation: one branch and one activated staff member (set up over the API).
  const hq = await server.api('POST', '/api/auth/login', HQ);
  const branch = await server.api('POST', '/api/branches', { name: '浦东店' }, hq.accessToken);
  const created = await server.api('POST', '/api/staff', { name: '赵小美', phone: '13622223333', role: 'staff', branchId: branch.id }, hq.accessToken);
  await server.api('POST', '/api/auth/activate', { inviteCode: created.inviteCode, password: 'staff-pass-1' });
  staff = { id: created.id, name: '赵小美', phone: '13622223333', password: 'staff-pass-1' };
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('HQ publishes → staff shares → customer leaves contact → lead in the pool and in 我的客户', async () => {
  const title = `春季新品净水器 ${Date.now() % 100000}`;

  // 1. HQ publishes a content in the console.
  const hqContext = await browser.newContext(DESKTOP);
  const console_ = await hqContext.newPage();
  await console_.goto(`${server.url}/console/`);
  await console_.getByPlaceholder('手机号').fill(HQ.phone);
  await console_.getByPlaceholder('密码').fill(HQ.password);
  await console_.getByRole('button', { name: '登录' }).click();
  await console_.getByRole('link', { name: '内容', exact: true }).click();
  await console_.getByRole('button', { name: '新建内容' }).click();
  const editor = console_.getByRole('form', { name: '新建内容' });
  await editor.getByText('产品', { exact: true }).click();
  await console_.getByLabel('标题').fill(title);
  await console_.getByLabel('摘要').fill('五级过滤，春季特惠');
  await console_.getByLabel('文字内容').fill('厨下安装，滤芯一年一换。\n\n留下联系方式，门店顾问为您推荐。');
  await console_.getByLabel('立即发布').check();
  await console_.getByRole('button', { name: '保存' }).click();
  await console_.getByText(`已保存：${title}`).waitFor();

  // 2. The staff member signs in to the staff app and shares it (copy link).
  const staffContext = await browser.newContext({ ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
  const app = await staffContext.newPage();
  await app.goto(`${server.url}/app/`);
  await app.locator('input[placeholder="手机号"]').fill(staff.phone);
  await app.locator('input[placeholder="密码"]').fill(staff.password);
  await app.getByText('登录', { exact: true }).last().click();
  await app.getByText(title).first().click();
  await app.getByText('复制链接', { exact: true }).first().click();
  const shareUrl = (await app.locator('#share-url').first().textContent({ timeout: 15000 }))?.trim();
  assert.match(shareUrl ?? '', new RegExp(`^${server.url}/s/[0-9A-Za-z]{8,32}$`));

  // 3. A customer opens the link on a phone and leaves name and phone with consent.
  const customerContext = await browser.newContext(PHONE);
  const landing = await customerContext.newPage();
  const response = await landing.goto(shareUrl);
  assert.equal(response.status(), 200);
  await landing.getByRole('heading', { name: title }).waitFor();
  await landing.fill('[name=name]', '钱先生');
  await landing.fill('[name=phone]', '+86 139-8888-7777');
  // The button speaks the content's words (免费咨询 by default), never 提交.
  await landing.locator('#lead-submit').click();
  await landing.locator('#lead-consent-err').filter({ hasText: '请阅读并同意' }).waitFor();
  await landing.check('[name=consent]');
  await landing.getByRole('button', { name: '免费咨询' }).click();
  await landing.locator('#lead-done').filter({ hasText: '赵小美会在' }).waitFor();

  // 4. HQ sees the lead in the pool, owned by the staff member, with its timeline.
  await console_.getByRole('link', { name: '线索池' }).click();
  await console_.getByRole('button', { name: '重置' }).click();
  const row = console_.getByRole('row').filter({ hasText: '钱先生' });
  await row.waitFor();
  assert.match(await row.textContent(), /赵小美/);
  // Masked for HQ: only the owner sees a phone in full (the contract's phone rule).
  assert.match(await row.textContent(), /139\*{4}7777/);
  await console_.getByRole('link', { name: '钱先生' }).click();
  await console_.getByRole('heading', { name: '钱先生' }).waitFor();
  await console_.getByTestId('lead-timeline').filter({ hasText: '首次触达' }).waitFor();
  const timeline = await console_.getByTestId('lead-timeline').textContent();
  assert.match(timeline, /首次触达/);
  assert.match(timeline, new RegExp(title));

  // 5. The staff member sees the lead in 我的客户.
  await app.goBack(); // from the content detail back to the library, where the tab bar is
  await app.locator('.weui-tabbar__label').getByText('客户', { exact: true }).click();
  await app.getByText('钱先生').filter({ visible: true }).first().waitFor({ timeout: 15000 });

  await Promise.all([hqContext.close(), staffContext.close(), customerContext.close()]);
});

test('the landing page reads without JavaScript and its form still submits', async () => {
  const hq = await server.api('POST', '/api/auth/login', HQ);
  const content = await server.api('POST', '/api/contents', { kind: 'event', title: '周末讲座', summary: '本周六下午', body: '地点：二楼', published: true }, hq.accessToken);
  const login = await server.api('POST', '/api/auth/login', { phone: staff.phone, password: staff.password });
  const share = await server.api('POST', '/api/shares', { contentId: content.id, channel: 'moments' }, login.accessToken);
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(share.url);
  await page.getByRole('heading', { name: '周末讲座' }).waitFor();
  await page.fill('[name=name]', '孙女士');
  await page.fill('[name=phone]', '13977776666');
  await page.check('[name=consent]');
  await page.getByRole('button', { name: '免费咨询' }).click();
  await page.getByRole('heading', { name: '已收到，谢谢您' }).waitFor();
  assert.match(await page.locator('main').textContent(), /赵小美会在 1 个工作日内与您联系/);
  assert.equal(await page.locator('form').count(), 0);
  const pool = await server.api('GET', '/api/leads?q=13977776666', undefined, hq.accessToken);
  assert.equal(pool.items.length, 1);
  assert.equal(pool.items[0].ownerStaffId, staff.id);
  await context.close();
});
