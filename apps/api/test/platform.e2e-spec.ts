import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client } from './support/http';
import { freshDatabase, startTestApp } from './support/test-app';

describe('platform: health, OpenAPI, errors, restarts', () => {
  it('health is ok while the database answers and 503 when it does not', async () => {
    const t = await startTestApp();
    const api = client(t.url);
    expect(await api.get('/api/health').then((r) => [r.status, r.body])).toEqual([200, { status: 'ok', db: 'up' }]);
    await t.dataSource.destroy();
    const down = await api.get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'DB_UNAVAILABLE', db: 'down' });
    await t.app.close();
  });

  it('documents every contract route in the OpenAPI document, from the shared schemas', async () => {
    const t = await startTestApp();
    const api = client(t.url);
    const doc = await api.get('/api/docs-json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/api/health', '/api/auth/login', '/api/auth/refresh', '/api/auth/activate', '/api/auth/wechat', '/api/auth/wechat/bind', '/api/branches', '/api/staff', '/api/contents', '/api/shares', '/api/public/shares/{code}/reshare', '/api/public/events', '/api/public/leads', '/api/leads', '/api/leads/{id}']) {
      expect(paths).toContain(p);
    }
    const leadBody = doc.body.paths['/api/public/leads'].post.requestBody.content['application/json'].schema;
    expect(leadBody.required).toEqual(expect.arrayContaining(['shareCode', 'name', 'phone', 'consent']));
    expect((await api.get('/api/docs')).status).toBe(200);
    await t.close();
  });

  it('serves the console index.html for its deep links (history routing), and 404 for a missing asset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fenji-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>控制台</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    const t = await startTestApp({ CONSOLE_DIR: dir });
    const api = client(t.url);
    for (const path of ['/console/', '/console/leads?status=new', '/console/leads/01JD0000000000000000000000', '/console/contents/abc/edit']) {
      const res = await api.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain('<title>控制台</title>');
    }
    expect((await api.get('/console/assets/app.js')).text).toBe('console.log(1)');
    expect((await api.get('/console/assets/missing.js')).status).toBe(404);
    expect((await api.get('/api/nope')).body.code).toBe('NOT_FOUND');
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('unknown routes and methods answer in the error shape', async () => {
    const t = await startTestApp();
    const api = client(t.url);
    const res = await api.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
    const wrongType = await api.request('POST', '/api/auth/login', { raw: '<xml/>', headers: { 'content-type': 'application/xml' } });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('VALIDATION_FAILED');
    await t.close();
  });

  it('keeps its data across a restart and does not bootstrap a second admin', async () => {
    const db = await freshDatabase();
    const first = await startTestApp({}, db);
    await first.close();
    const second = await startTestApp({}, db);
    const rows: Array<{ n: number | string }> = await second.dataSource.query("SELECT COUNT(*) AS n FROM staff WHERE role = 'hq_admin'");
    expect(Number(rows[0].n)).toBe(1);
    await second.close();
    await db.drop();
  });

  it('DEMO=1 seeds an organisation once', async () => {
    const db = await freshDatabase();
    const first = await startTestApp({ DEMO: '1', HQ_ADMIN_PHONE: '', HQ_ADMIN_PASSWORD: '' }, db);
    const api = client(first.url);
    const login = await api.post('/api/auth/login', { phone: '13800000003', password: 'demo1234' });
    expect(login.status).toBe(200);
    const leads = await api.get('/api/leads', { token: login.body.accessToken });
    expect(leads.body.items.length).toBeGreaterThan(0);
    await first.close();
    const second = await startTestApp({ DEMO: '1', HQ_ADMIN_PHONE: '', HQ_ADMIN_PASSWORD: '' }, db);
    const rows: Array<{ n: number | string }> = await second.dataSource.query('SELECT COUNT(*) AS n FROM branches');
    expect(Number(rows[0].n)).toBe(2);
    await second.close();
    await db.drop();
  });
});
