import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { client, type Client } from './support/http';
import { createShare, loginHq, seedOrg } from './support/factories';
import { startTestApp, usingMysql, type TestApp } from './support/test-app';

const contractShape = { statusCode: expect.any(Number), code: expect.any(String), message: expect.any(String) };

/** Findings 11 and 12 of the security review (docs/security.md): headers, and Fastify's own answers. */
describe('security review: headers and the error shape everywhere', () => {
  let t: TestApp;
  let api: Client;
  const staticDir = mkdtempSync(join(tmpdir(), 'fenji-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');

  beforeAll(async () => {
    t = await startTestApp({ CONSOLE_DIR: staticDir, STAFF_APP_DIR: staticDir });
    api = client(t.url);
  });
  afterAll(() => t.close());

  it.each(['/console/', '/app/'])('11. %s is served with CSP, nosniff, frame-ancestors and a referrer policy', async (path) => {
    const res = await api.get(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('11. landing pages may be framed only by our own origin (the staff app\'s preview); WeChat\'s web-view is a top-level page', async () => {
    const org = await seedOrg(api);
    const share = await createShare(api, org.a1, org.content.id);
    for (const path of [`/s/${share.code}`, '/s/NOPE1234', '/privacy']) {
      const res = await api.get(path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it("12. Fastify's own answers are in the contract's shape: unknown route, bad JSON, wrong type, too large", async () => {
    const unknown = await api.get('/api/nope');
    expect([unknown.status, unknown.body]).toEqual([404, expect.objectContaining({ ...contractShape, code: 'NOT_FOUND' })]);
    const badJson = await api.request('POST', '/api/auth/login', { raw: '{"phone":', headers: { 'content-type': 'application/json' } });
    expect([badJson.status, badJson.body]).toEqual([400, expect.objectContaining(contractShape)]);
    const wrongType = await api.request('POST', '/api/auth/login', { raw: '<xml/>', headers: { 'content-type': 'application/xml' } });
    expect([wrongType.status, wrongType.body]).toEqual([415, expect.objectContaining(contractShape)]);
    const large = await api.request('POST', '/api/public/leads', { raw: JSON.stringify({ name: 'x'.repeat(300 * 1024) }), headers: { 'content-type': 'application/json' } });
    expect([large.status, large.body]).toEqual([413, expect.objectContaining({ ...contractShape, code: 'PAYLOAD_TOO_LARGE' })]);
  });

  it('12. a request that arrives while the server is closing gets a 503 in the contract shape', async () => {
    const closing = await startTestApp();
    // A request whose headers are half sent when the close starts: it completes during the close.
    const socket = connect(Number(new URL(closing.url).port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const answers: string[] = [];
    socket.on('data', (d) => answers.push(d.toString()));
    socket.write('GET /api/health HTTP/1.1\r\nhost: x\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const closed = closing.close();
    await new Promise((r) => setTimeout(r, 50));
    socket.write('connection: close\r\n\r\n');
    await Promise.race([closed, new Promise((r) => setTimeout(r, 5000))]);
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
    const answer = answers.join('');
    expect(answer).toMatch(/^HTTP\/1\.1 (200|503) /);
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    if (answer.startsWith('HTTP/1.1 503')) expect(body).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
    else expect(body).toEqual({ status: 'ok', db: 'up' });
  });
});

const ROOT = resolve(__dirname, '..', '..', '..');

/** Finding 7: with the database paused (SIGSTOP), requests end in seconds with 503 DB_UNAVAILABLE. */
(usingMysql() ? describe : describe.skip)('security review: a paused MariaDB (its own throwaway server)', () => {
  const port = 3900 + (process.pid % 90);
  let pid = 0;
  let t: TestApp;
  let api: Client;

  beforeAll(async () => {
    const url = execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'start', String(port)], { encoding: 'utf8' }).trim();
    pid = Number(readFileSync(join(process.env.TMPDIR || '/tmp', `fenji-mariadb-${port}`, 'pid'), 'utf8'));
    const admin = await createConnection({ host: '127.0.0.1', port, user: 'root' });
    await admin.query('CREATE DATABASE IF NOT EXISTS fenji_paused CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    t = await startTestApp({ DB_QUERY_TIMEOUT_MS: '1500', REQUEST_TIMEOUT_MS: '3000' }, { url: `${url}fenji_paused`, drop: async () => undefined });
    api = client(t.url);
  }, 120_000);
  afterAll(async () => {
    if (pid) process.kill(pid, 'SIGCONT');
    await t?.close();
    execFileSync('bash', [join(ROOT, 'scripts/mariadb.sh'), 'stop', String(port)]);
  });

  it('7. every request gets 503 DB_UNAVAILABLE within seconds while the database is paused, and works again after', async () => {
    const hq = await loginHq(api);
    const org = await seedOrg(api);
    const share = await createShare(api, org.a1, org.content.id);
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      const requests = [
        fetch(`${t.url}/api/public/leads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ shareCode: share.code, phone: '13911112222', name: '客户', consent: true }), signal: AbortSignal.timeout(15_000) }),
        fetch(`${t.url}/api/leads`, { headers: { authorization: `Bearer ${hq.token}` }, signal: AbortSignal.timeout(15_000) }),
        fetch(`${t.url}/api/health`, { signal: AbortSignal.timeout(15_000) }),
        ...Array.from({ length: 12 }, () => fetch(`${t.url}/api/contents`, { headers: { authorization: `Bearer ${hq.token}` }, signal: AbortSignal.timeout(15_000) })),
      ];
      const answers = await Promise.all(requests);
      expect(Date.now() - started).toBeLessThan(8_000);
      for (const res of answers) {
        expect(res.status).toBe(503);
        // A query past its timeout is DB_UNAVAILABLE; one still waiting for a connection meets the request timeout.
        expect(await res.json()).toEqual(expect.objectContaining({ statusCode: 503, code: expect.stringMatching(/^(DB_UNAVAILABLE|SERVICE_UNAVAILABLE)$/), message: expect.any(String) }));
      }
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    let health = 0;
    for (let i = 0; i < 40 && health !== 200; i++) {
      health = (await api.get('/api/health')).status;
      if (health !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(health).toBe(200);
    expect((await api.get('/api/leads', { token: hq.token })).status).toBe(200);
  }, 60_000);
});
