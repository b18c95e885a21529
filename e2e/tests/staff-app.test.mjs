// The staff app's daily screens in a real browser against the real API (issue 8): the radar receiving a visit
// live, the business card edited and shared (the landing page shows the sharer), and a poster whose QR code
// decodes to the share's URL. Each test first asks the API whether its routes exist and is skipped, saying so,
// until they do (the app's contract is in packages/shared; the API implements it).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { launchBrowser, PHONE } from '../support/browser.mjs';
import { HQ, startServer } from '../support/server.mjs';

const require = createRequire(import.meta.url);
let server;
let browser;
let staff;
let content;

/** True when the API answers `path` with anything but 404 (the route exists). */
async function routeExists(path, token) {
  const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  return res.status !== 404;
}

async function signIn(page) {
  await page.goto(`${server.url}/app/`);
  await page.locator('input[placeholder="手机号"]').fill(staff.phone);
  await page.locator('input[placeholder="密码"]').fill(staff.password);
  await page.getByText('登录', { exact: true }).last().click();
  await page.locator('.weui-tabbar__label').first().waitFor();
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const hq = await server.api('POST', '/api/auth/login', HQ);
  const branch = await server.api('POST', '/api/branches', { name: '静安店' }, hq.accessToken);
  const created = await server.api('POST', '/api/staff', { name: '林晓', phone: '13611112222', role: 'staff', branchId: branch.id }, hq.accessToken);
  const session = await server.api('POST', '/api/auth/activate', { inviteCode: created.inviteCode, password: 'staff-pass-1' });
  staff = { id: created.id, phone: '13611112222', password: 'staff-pass-1', token: session.accessToken };
  content = await server.api('POST', '/api/contents', { kind: 'product', title: '雷达测试净水器', body: '五级过滤', published: true }, hq.accessToken);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a customer opens a share and the visit arrives live on the radar', async (t) => {
  if (!(await routeExists('/api/radar', staff.token))) return t.skip('GET /api/radar is not built yet');
  const context = await browser.newContext(PHONE);
  const app = await context.newPage();
  await signIn(app);
  await app.locator('.weui-tabbar__label').getByText('雷达', { exact: true }).click();
  await app.locator('#radar-live', { hasText: '实时更新中' }).waitFor({ timeout: 15000 });

  const share = await server.api('POST', '/api/shares', { contentId: content.id, channel: 'wechat_friend' }, staff.token);
  const customer = await browser.newContext(PHONE);
  const landing = await customer.newPage();
  await landing.goto(share.url);
  const opened = Date.now();
  // Within 5 s of the visit (plus the visit buffer's flush), without reloading the page.
  await app.locator('.radar-item', { hasText: '雷达测试净水器' }).first().waitFor({ timeout: 15000 });
  assert.ok(Date.now() - opened < 15000);
  assert.doesNotMatch(await app.locator('.radar-item').first().textContent(), new RegExp(share.code));
  await Promise.all([context.close(), customer.close()]);
});

test('the staff member edits their card and shares it; the landing page shows them', async (t) => {
  if (!(await routeExists('/api/me/card', staff.token))) return t.skip('GET /api/me/card is not built yet');
  const context = await browser.newContext({ ...PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
  const app = await context.newPage();
  await signIn(app);
  await app.goto(`${server.url}/app/#/packages/card/pages/edit/index`);
  await app.locator('input[placeholder="如：高级置业顾问"]').fill('资深净水顾问');
  await app.locator('input[placeholder="客户可以添加的微信号"]').fill('linxiao_water');
  await app.getByText('保存名片', { exact: true }).click();
  await app.getByText('名片已保存').waitFor();

  await app.goto(`${server.url}/app/#/packages/card/pages/share/index`);
  await app.getByText('复制名片链接', { exact: true }).click();
  const url = (await app.locator('#card-share-url').textContent({ timeout: 15000 }))?.trim();
  assert.match(url ?? '', new RegExp(`^${server.url}/s/[0-9A-Za-z]{8,32}$`));

  const customer = await browser.newContext(PHONE);
  const landing = await customer.newPage();
  await landing.goto(url);
  await landing.getByText('林晓').first().waitFor();
  await landing.getByText('资深净水顾问').first().waitFor();
  await Promise.all([context.close(), customer.close()]);
});

test("a content's poster carries a QR code that decodes to its share's URL", async (t) => {
  const probe = await server.api('POST', '/api/shares', { contentId: content.id, channel: 'poster' }, staff.token);
  if (!(await routeExists(`/api/shares/${probe.code}/poster.png`, staff.token))) return t.skip('GET /api/shares/:code/poster.png is not built yet');
  const context = await browser.newContext(PHONE);
  const app = await context.newPage();
  await signIn(app);
  await app.goto(`${server.url}/app/#/packages/share/pages/poster/index?contentId=${content.id}`);
  const image = app.locator('#poster-image img, img#poster-image').first();
  await image.waitFor({ timeout: 15000 });
  await app.waitForFunction(() => {
    const img = document.querySelector('#poster-image img, img#poster-image');
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
  });
  // The image as the app shows it, decoded on a blank page (the app's CSP rightly refuses injected scripts).
  const shown = await app.evaluate(() => {
    const img = document.querySelector('#poster-image img, img#poster-image');
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d').drawImage(img, 0, 0);
    return canvas.toDataURL('image/png');
  });
  const blank = await context.newPage();
  await blank.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  const decoded = await blank.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(data.data, data.width, data.height)?.data ?? null;
  }, shown);
  assert.match(decoded ?? '', new RegExp(`^${server.url}/s/[0-9A-Za-z]{8,32}$`));
  await context.close();
});
