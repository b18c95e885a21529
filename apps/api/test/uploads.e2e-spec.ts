import sharp from 'sharp';
import { MEDIA_FORMATS, UPLOAD_MAX_BYTES } from '@fenji/shared';
import { client, type Client } from './support/http';
import { seedOrg } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createS3StandIn } = require('../../../tools/s3-stand-in/server.js');

/** A photo as phones take them: JPEG with EXIF (the camera, something personal in it). */
const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#3a7bd5' } })
    .withExif({ IFD0: { Make: 'FenjiCam', Model: 'GPS 31.23N 121.47E' } })
    .jpeg()
    .toBuffer();

function upload(url: string, token: string, body: Buffer, filename = 'photo.jpg', field = 'file', type = 'image/jpeg') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(body)], { type }), filename);
  return fetch(`${url}/api/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

function suite(name: string, env: () => Promise<Record<string, string>>, after: () => Promise<void> = async () => undefined) {
  describe(name, () => {
    let t: TestApp;
    let api: Client;
    let org: Awaited<ReturnType<typeof seedOrg>>;

    beforeAll(async () => {
      t = await startTestApp(await env());
      api = client(t.url);
      org = await seedOrg(api);
    });
    afterAll(async () => {
      await t.close();
      await after();
    });

    it('HQ uploads a photo: 201 with the largest stored JPEG; every width × format is served, cached for a year, without EXIF', async () => {
      const res = await upload(t.url, org.hq.token, await photo(2000, 1000));
      expect(res.status).toBe(201);
      const body = (await res.json()) as { url: string; width: number; height: number };
      expect(body).toEqual({ url: expect.stringMatching(/^\/media\/[0-9A-Z]{26}\/1280\.jpg$/), width: 1280, height: 640 });
      const id = body.url.split('/')[2];
      for (const w of [320, 640, 960, 1280]) {
        for (const f of MEDIA_FORMATS) {
          const file = await fetch(`${t.url}/media/${id}/${w}.${f}`);
          expect(file.status).toBe(200);
          expect(file.headers.get('content-type')).toBe(f === 'jpg' ? 'image/jpeg' : `image/${f}`);
          expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
          const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
          expect(meta.width).toBe(w);
          expect(meta.exif).toBeUndefined();
        }
      }
      expect((await fetch(`${t.url}/media/${id}/1600.jpg`)).status).toBe(404);
      expect((await fetch(`${t.url}/media/..%2F..%2Fetc/passwd`)).status).toBe(404);
    });

    it('a small image is never enlarged; a staff member may upload (their card photo)', async () => {
      const res = await upload(t.url, org.a1.token, await sharp({ create: { width: 500, height: 500, channels: 4, background: '#ff000080' } }).png().toBuffer(), 'me.png', 'file', 'image/png');
      expect(res.status).toBe(201);
      const body = (await res.json()) as { url: string; width: number; height: number };
      expect(body).toEqual({ url: expect.stringMatching(/\/500\.jpg$/), width: 500, height: 500 });
      const id = body.url.split('/')[2];
      expect((await fetch(`${t.url}/media/${id}/320.webp`)).status).toBe(200);
      expect((await fetch(`${t.url}/media/${id}/640.webp`)).status).toBe(404);
      const card = await api.request('PUT', '/api/me/card', { token: org.a1.token, body: { avatarUrl: body.url } });
      expect(card.status).toBe(200);
      expect(card.body.avatarUrl).toBe(body.url);
    });

    it('checks the type by content: a text file named .jpg is 415; over the limit is 413; no file is 400; without login 401', async () => {
      const fake = await upload(t.url, org.hq.token, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.jpg');
      expect(fake.status).toBe(415);
      expect(await fake.json()).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      // Right magic bytes, broken image.
      const broken = await upload(t.url, org.hq.token, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]));
      expect(broken.status).toBe(415);
      const big = await upload(t.url, org.hq.token, Buffer.concat([await photo(64, 64), Buffer.alloc(UPLOAD_MAX_BYTES + 1)]));
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
      const wrongField = await upload(t.url, org.hq.token, await photo(64, 64), 'a.jpg', 'image');
      expect(wrongField.status).toBe(400);
      const json = await api.post('/api/uploads', { url: 'x' }, { token: org.hq.token });
      expect(json.status).toBe(400);
      expect((await upload(t.url, '', await photo(64, 64))).status).toBe(401);
    });

    it('an uploaded cover gets its real size and srcset on the landing page', async () => {
      const up = (await (await upload(t.url, org.hq.token, await photo(1600, 900))).json()) as { url: string };
      const content = await api.post('/api/contents', { kind: 'article', title: '带封面的文章', coverUrl: up.url, published: true }, { token: org.hq.token });
      const share = await api.post('/api/shares', { contentId: content.body.id, channel: 'link' }, { token: org.a1.token });
      const page = await api.get(`/s/${share.body.code}`);
      expect(page.text).toMatch(/width="1280" height="720"/);
      expect(page.text).toContain('type="image/avif"');
      expect(page.text).toMatch(/320\.webp 320w, [^"]*640\.webp 640w/);
    });
  });
}

suite('uploads on local disk (MEDIA_DIR)', async () => ({}));

const s3 = createS3StandIn();
suite(
  'uploads in an S3-compatible bucket (MEDIA_S3_*, against a signature-checking stand-in)',
  async () => {
    const endpoint = await s3.listen();
    return { MEDIA_S3_ENDPOINT: endpoint, MEDIA_S3_BUCKET: s3.bucket, MEDIA_S3_ACCESS_KEY_ID: s3.accessKeyId, MEDIA_S3_SECRET_ACCESS_KEY: s3.secretAccessKey };
  },
  async () => {
    expect(s3.objects.size).toBeGreaterThan(12); // the variants went to the bucket
    expect(s3.requests.some((r: { method: string }) => r.method === 'GET')).toBe(true);
    await s3.close();
  },
);
