import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { startApiProcess, useProcessDatabase, withDataSource } from './support/api-process';
import { createActiveStaff, createBranch, createContent, createShare, loginHq, nextPhone, seedOrg, submitLead } from './support/factories';
import { client } from './support/http';
import { expectIntactData } from './support/integrity';
import { startTestApp } from './support/test-app';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A throwaway redis-server (Debian's) on a free port, no persistence. */
async function startRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (let i = 0; i < 50; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(true)); // taken: redis is listening
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

describe('operations: health per dependency, liveness, metrics', () => {
  it('/api/health/live answers while the database is gone; /api/health says db down within 2 s', async () => {
    const t = await startTestApp();
    const api = client(t.url);
    expect((await api.get('/api/health/live')).body).toEqual({ status: 'ok' });
    await t.dataSource.destroy();
    const started = Date.now();
    const down = await api.get('/api/health');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'DB_UNAVAILABLE', status: 'error', db: 'down' });
    expect(await api.get('/api/health/live').then((r) => [r.status, r.body])).toEqual([200, { status: 'ok' }]);
    await t.app.close();
  });

  it('with REDIS_URL, /api/health reports Redis too, and 503 when it stops answering', async () => {
    const redis = await startRedis();
    const t = await startTestApp({ REDIS_URL: redis.url });
    try {
      const api = client(t.url);
      expect(await api.get('/api/health').then((r) => [r.status, r.body])).toEqual([200, { status: 'ok', db: 'up', redis: 'up' }]);
      await redis.stop();
      const down = await api.get('/api/health');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.any(String), db: 'up', redis: 'down' });
    } finally {
      await redis.stop().catch(() => undefined);
      await t.close();
    }
  });

  it('GET /metrics is 404 without METRICS_TOKEN', async () => {
    const t = await startTestApp();
    try {
      const res = await client(t.url).get('/metrics');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    } finally {
      await t.close();
    }
  });

  it('GET /metrics needs the bearer token and counts requests by route template, leads, visits, pool and jobs', async () => {
    const t = await startTestApp({ METRICS_TOKEN, VISIT_FLUSH_MS: '60000' });
    try {
      const api = client(t.url);
      const org = await seedOrg(api);
      const share = await createShare(api, org.a1, org.content.id);
      for (let i = 0; i < 3; i++) expect((await submitLead(api, { shareCode: share.code, phone: nextPhone() })).status).toBe(201);
      const [lead] = (await api.get('/api/leads', { token: org.hq.token })).body.items;
      await api.get(`/api/leads/${lead.id}`, { token: org.hq.token });
      await api.get('/api/leads/01JD0000000000000000000000', { token: org.hq.token });
      for (let i = 0; i < 4; i++) await api.get(`/s/${share.code}`);
      await t.flushVisits();
      await api.post('/api/jobs/retention', undefined, { token: org.hq.token });

      for (const authorization of [undefined, 'Bearer wrong-token-0123456789abc', `Basic ${METRICS_TOKEN}`]) {
        const denied = await api.get('/metrics', authorization ? { headers: { authorization } } : {});
        expect([denied.status, denied.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      }
      const res = await api.get('/metrics', { token: METRICS_TOKEN });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain');
      const line = (prefix: string) => res.text.split('\n').find((l) => l.startsWith(prefix));
      const value = (prefix: string) => Number(line(prefix)?.split(' ').pop());
      expect(value('fenji_http_requests_total{method="GET",route="/api/leads/:id",status="200"}')).toBe(1);
      expect(value('fenji_http_requests_total{method="GET",route="/api/leads/:id",status="404"}')).toBe(1);
      expect(value('fenji_http_requests_total{method="POST",route="/api/public/leads",status="201"}')).toBe(3);
      expect(res.text).not.toContain(lead.id);
      expect(value('fenji_http_request_duration_seconds_count{method="GET",route="/s/:code"}')).toBe(4);
      expect(value('fenji_leads_accepted_total')).toBe(3);
      expect(value('fenji_visits_buffered_total')).toBe(4);
      expect(value('fenji_visits_flushed_total')).toBe(4);
      expect(value('fenji_job_runs_total{job="retention",outcome="done"}')).toBe(1);
      expect(line('fenji_db_pool_connections{state="limit"}')).toBeDefined();
      expect(line('fenji_process_cpu_user_seconds_total')).toBeDefined();
    } finally {
      await t.close();
    }
  });
});

describe('graceful shutdown under load', () => {
  const ctx = useProcessDatabase();

  it('drains what is in flight, flushes buffered visits and answers everything in the contract shape', async () => {
    // Visits are flushed only at shutdown here (a minute's interval), so every recorded view proves the flush.
    const proc = await startApiProcess(ctx.db.url, { VISIT_FLUSH_MS: '60000', VISIT_EVENTS_PER_ADDRESS_PER_MINUTE: '1000000' });
    const api = client(proc.url);
    const hq = await loginHq(api);
    const branch = await createBranch(api, hq, '停机测试门店');
    const staff = await createActiveStaff(api, hq, { branchId: branch.id, name: '停机员工' });
    const content = await createContent(api, hq);
    const share = await createShare(api, staff, content.id);

    const accepted: string[] = [];
    let views = 0;
    const refused: unknown[] = [];
    const outside: string[] = [];
    let stopping = false;
    let exited = false;
    void proc.exited.then(() => (exited = true));
    let sequence = 0;
    const phoneOf = (n: number) => `137${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(5, '0')}`;
    const check = (status: number, body: { statusCode?: unknown; code?: unknown; message?: unknown } | string, text: string) => {
      if (status === 503 && typeof body === 'object' && body.statusCode === 503 && typeof body.code === 'string' && typeof body.message === 'string') refused.push(body);
      else outside.push(`${status} ${text.slice(0, 120)}`);
    };
    const worker = async (kind: 'lead' | 'view') => {
      while (!exited) {
        try {
          if (kind === 'lead') {
            const phone = phoneOf(++sequence);
            const res = await api.post('/api/public/leads', { shareCode: share.code, name: '客户', phone, consent: true, idempotencyKey: `drain${phone}` });
            if (res.status === 201) accepted.push(phone);
            else check(res.status, res.body, res.text);
          } else {
            const res = await api.get(`/s/${share.code}`, { headers: { cookie: `fj_vid=drain${String(++sequence).padStart(17, '0')}` } });
            if (res.status === 200) views++;
            else check(res.status, res.body, res.text);
          }
        } catch {
          // No answer: the listener is closed (refused) — the client retries elsewhere. Only after SIGTERM.
          if (!stopping) throw new Error('a request failed before the shutdown began');
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    };
    const workers = [...Array.from({ length: 4 }, () => worker('lead')), ...Array.from({ length: 4 }, () => worker('view'))];
    while (accepted.length < 30 || views < 60) await new Promise((r) => setTimeout(r, 20));
    stopping = true;
    proc.child.kill('SIGTERM');
    const code = await proc.exited;
    await Promise.all(workers);

    expect(outside).toEqual([]);
    expect(code).toBe(0);
    await withDataSource(ctx.db.url, async (dataSource) => {
      await expectIntactData(dataSource);
      const found = await dataSource.query(`SELECT COUNT(*) AS n FROM leads WHERE phone IN (${accepted.map(() => '?').join(', ')})`, accepted);
      expect(Number(found[0].n)).toBe(accepted.length);
      const events = await dataSource.query("SELECT COUNT(*) AS n FROM visit_events WHERE visitor_id LIKE 'drain%'");
      expect(Number(events[0].n)).toBe(views);
    });
  });
});
