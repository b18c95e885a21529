import sharp from 'sharp';
import { client, type Client } from './support/http';
import { createShare, seedOrg } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createWechatSandbox } = require('../../../tools/wechat-sandbox/server.js');

describe('GET /api/shares/:code/poster.png', () => {
  const sandbox = createWechatSandbox();
  let t: TestApp;
  let api: Client;
  let org: Awaited<ReturnType<typeof seedOrg>>;

  beforeAll(async () => {
    const base = await sandbox.listen();
    t = await startTestApp({ WECHAT_API_BASE: base, WECHAT_APPID: sandbox.appid, WECHAT_SECRET: sandbox.secret });
    api = client(t.url);
    org = await seedOrg(api);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  const poster = (code: string, token: string, query = '') => fetch(`${t.url}/api/shares/${code}/poster.png${query}`, { headers: { authorization: `Bearer ${token}` } });

  it('draws a 750×1334 PNG for the share’s member, their branch manager and HQ; anyone else gets 404', async () => {
    const share = await createShare(api, org.a1, org.content.id);
    for (const who of [org.a1, org.manager, org.hq]) {
      const res = await poster(share.code, who.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', 750, 1334]);
    }
    for (const who of [org.a2, org.b1]) {
      const res = await poster(share.code, who.token);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ statusCode: 404, code: 'SHARE_NOT_FOUND' });
    }
    expect((await fetch(`${t.url}/api/shares/${share.code}/poster.png`)).status).toBe(401);
    expect((await poster('NoSuchCode123', org.hq.token)).status).toBe(404);
    expect((await poster(share.code, org.a1.token, '?wxacode=yes')).status).toBe(400);
  });

  it("draws the sharer's uploaded photo in the round badge beside their name", async () => {
    const red = await sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 220, g: 20, b: 30 } } }).jpeg().toBuffer();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(red)], { type: 'image/jpeg' }), 'me.jpg');
    const uploaded = (await (await fetch(`${t.url}/api/uploads`, { method: 'POST', headers: { authorization: `Bearer ${org.b1.token}` }, body: form })).json()) as { url: string };
    const share = await createShare(api, org.b1, org.content.id);
    const pixelAtBadge = async () => {
      const png = Buffer.from(await (await poster(share.code, org.b1.token)).arrayBuffer());
      const { data } = await sharp(png).extract({ left: 96, top: 1080, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      return [...data.subarray(0, 3)];
    };
    const [r0, g0] = await pixelAtBadge(); // no photo yet: the light disc with the initial
    expect(r0 > 200 && g0 > 150).toBe(true);
    expect((await api.request('PUT', '/api/me/card', { body: { avatarUrl: uploaded.url }, token: org.b1.token })).status).toBe(200);
    const [r, g, b] = await pixelAtBadge();
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(80);
    expect(b).toBeLessThan(80);
  });

  it('a card share has a poster too', async () => {
    const card = await api.post('/api/shares', { card: true, channel: 'poster' }, { token: org.a2.token });
    expect((await poster(card.body.code, org.a2.token)).status).toBe(200);
  });

  it('?wxacode=1: the mini-program code from wxacode.getUnlimited (scene = the share code, the share view page), asked once', async () => {
    const share = await createShare(api, org.a1, org.content.id, 'poster');
    const asked = () => sandbox.calls.filter((c: { path: string }) => c.path === '/wxa/getwxacodeunlimit').length;
    const before = asked();
    expect((await poster(share.code, org.a1.token, '?wxacode=1')).status).toBe(200);
    expect((await poster(share.code, org.a1.token, '?wxacode=1')).status).toBe(200);
    expect(asked()).toBe(before + 1);
    // The QR poster and the mini-program code poster differ where the code is drawn.
    const region = async (q: string) =>
      sharp(Buffer.from(await (await poster(share.code, org.a1.token, q)).arrayBuffer())).extract({ left: 420, top: 990, width: 260, height: 260 }).raw().toBuffer();
    expect((await region('?wxacode=1')).equals(await region(''))).toBe(false);
  });

  it('a taken-down content has no poster', async () => {
    const content = await api.post('/api/contents', { kind: 'article', title: '将下架', published: true }, { token: org.hq.token });
    const share = await createShare(api, org.a1, content.body.id);
    await api.post(`/api/contents/${content.body.id}/status`, { status: 'offline' }, { token: org.hq.token });
    const res = await poster(share.code, org.a1.token);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('CONTENT_NOT_FOUND');
  });
});
