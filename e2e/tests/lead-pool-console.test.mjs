// The HQ console's lead pool in a real browser on the real API: filter by a content, select the leads, bulk-assign
// them after the dry run's confirmation, export the filter as CSV (a one-time ticket in the URL), and reveal a
// masked phone with a reason; each step checked against the API and the audit log it must leave.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { DESKTOP, launchBrowser } from '../support/browser.mjs';
import { HQ, startServer } from '../support/server.mjs';

let server;
let browser;
let hq;
const people = {};

async function activeStaff(name, phone, branchId) {
  const created = await server.api('POST', '/api/staff', { name, phone, role: 'staff', branchId }, hq.accessToken);
  const session = await server.api('POST', '/api/auth/activate', { inviteCode: created.inviteCode, password: 'staff-pass-1' });
  return { id: created.id, name, token: session.accessToken };
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  hq = await server.api('POST', '/api/auth/login', HQ);
  const branch = await server.api('POST', '/api/branches', { name: '静安店' }, hq.accessToken);
  people.from = await activeStaff('郑一', '13611112222', branch.id);
  people.to = await activeStaff('冯二', '13611113333', branch.id);
  const content = await server.api('POST', '/api/contents', { kind: 'product', title: '批量测试产品', body: '正文', published: true }, hq.accessToken);
  const other = await server.api('POST', '/api/contents', { kind: 'article', title: '无关文章', body: '正文', published: true }, hq.accessToken);
  people.contentId = content.id;
  const share = await server.api('POST', '/api/shares', { contentId: content.id, channel: 'moments' }, people.from.token);
  const otherShare = await server.api('POST', '/api/shares', { contentId: other.id, channel: 'wechat_friend' }, people.from.token);
  for (const [name, phone] of [['批量客户甲', '13922220001'], ['批量客户乙', '13922220002']]) {
    await server.api('POST', '/api/public/leads', { shareCode: share.code, name, phone, consent: true });
  }
  await server.api('POST', '/api/public/leads', { shareCode: otherShare.code, name: '无关客户', phone: '13922220003', consent: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn() {
  const context = await browser.newContext({ ...DESKTOP, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  await page.getByPlaceholder('手机号').fill(HQ.phone);
  await page.getByPlaceholder('密码').fill(HQ.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('link', { name: '线索池' }).waitFor();
  return { context, page };
}

test('HQ filters by content, selects, bulk-assigns after the dry run, and exports the filter', async () => {
  const { context, page } = await signIn();
  await page.goto(`${server.url}/console/leads?contentId=${people.contentId}`);
  await page.getByRole('row').filter({ hasText: '批量客户甲' }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: '无关客户' }).count(), 0);
  for (const name of ['批量客户甲', '批量客户乙']) await page.getByRole('row').filter({ hasText: name }).getByRole('checkbox').check();
  await page.getByRole('button', { name: '批量操作' }).click();
  const dialog = page.getByRole('dialog', { name: '批量操作' });
  await dialog.getByLabel('分配给员工').click();
  await page.locator('.ant-select-item-option', { hasText: '冯二' }).click();
  await dialog.getByLabel('原因').fill('郑一调岗，交给冯二');
  await dialog.getByRole('button', { name: '下一步' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认批量分配' });
  await confirm.waitFor();
  assert.match(await confirm.textContent(), /2/);
  // The dry run changed nothing.
  const before = await server.api('GET', `/api/leads?contentId=${people.contentId}`, undefined, hq.accessToken);
  assert.ok(before.items.every((l) => l.ownerStaffId === people.from.id));
  await confirm.getByRole('button', { name: '确定执行' }).click();
  await page.getByRole('status').filter({ hasText: '2' }).waitFor();
  const afterList = await server.api('GET', `/api/leads?contentId=${people.contentId}`, undefined, hq.accessToken);
  assert.deepEqual(afterList.items.map((l) => l.ownerStaffId), [people.to.id, people.to.id]);
  await page.getByRole('dialog', { name: '批量操作' }).getByRole('button', { name: '完成' }).click();

  // Export the same filter: a download through a one-time ticket, masked phones, one row per lead.
  await page.getByRole('button', { name: '导出' }).hover();
  await page.getByText('CSV（Excel 可直接打开）').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: '导出' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\uFEFF姓名,手机号'));
  assert.equal(csv.trimEnd().split('\r\n').length, 3);
  assert.match(csv, /139\*{4}0001/);
  assert.doesNotMatch(csv, /13922220001/);
  await context.close();
});

test('HQ reveals a masked phone with a reason; the audit log has who and why', async () => {
  const { context, page } = await signIn();
  await page.goto(`${server.url}/console/leads?q=${encodeURIComponent('批量客户乙')}`);
  const row = page.getByRole('row').filter({ hasText: '批量客户乙' });
  await row.waitFor();
  assert.match(await row.textContent(), /139\*{4}0002/);
  await row.getByRole('button', { name: '查看 批量客户乙 的完整手机号' }).click();
  const dialog = page.getByRole('dialog', { name: '查看 批量客户乙 的完整手机号' });
  await dialog.getByRole('button', { name: '查看' }).click();
  await dialog.getByRole('alert').or(dialog.locator('.ant-form-item-explain-error')).first().waitFor();
  await dialog.getByLabel('查看原因').fill('客户来电要求回拨');
  await dialog.getByRole('button', { name: '查看' }).click();
  await page.getByText('13922220002').first().waitFor();
  // The list itself stays masked; the reveal is in the audit log with the reason.
  const list = await server.api('GET', '/api/leads?q=13922220002', undefined, hq.accessToken);
  assert.equal(list.items[0].phoneMasked, true);
  const audit = await server.api('GET', '/api/audit-logs?action=lead.reveal', undefined, hq.accessToken);
  assert.equal(audit.items[0].reason, '客户来电要求回拨');
  assert.equal(audit.items[0].targetLabel, '批量客户乙');
  await context.close();
});
