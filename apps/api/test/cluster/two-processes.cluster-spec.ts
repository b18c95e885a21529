import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { startApiProcess, useProcessDatabase, withDataSource, type ApiProcess } from '../support/api-process';
import { createActiveStaff, createBranch, createContent, createShare, loginHq } from '../support/factories';
import { client } from '../support/http';
import { freshRedisUrl } from '../support/redis';

/**
 * Two API processes on one MariaDB (TEST_DATABASE_URL) and one Redis (TEST_REDIS_URL): what one process counts or
 * schedules, the other sees. Without Redis each process would keep its own job timer's period.
 */
describe('two API processes sharing Redis', () => {
  const ctx = useProcessDatabase();
  let redisUrl: string;
  let a: ApiProcess;
  let b: ApiProcess;

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL?.startsWith('mysql')) throw new Error('the cluster suite needs TEST_DATABASE_URL (MariaDB)');
    redisUrl = await freshRedisUrl(12);
    const env = { REDIS_URL: redisUrl, LOGIN_MAX_FAILURES: '3', RECYCLE_INTERVAL_SECONDS: '1', LOG_LEVEL: 'debug' };
    a = await startApiProcess(ctx.db.url, env); // migrates
    b = await startApiProcess(ctx.db.url, env);
  });

  it('share login limits through Redis: failures on either process count against one limit', async () => {
    const hq = await loginHq(client(a.url));
    const branch = await createBranch(client(a.url), hq, '双进程门店');
    const staff = await createActiveStaff(client(a.url), hq, { branchId: branch.id, name: '双进程员工' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const api = client(i % 2 ? b.url : a.url);
      statuses.push((await api.post('/api/auth/login', { phone: staff.staff.phone, password: 'wrong-password-1' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // The counters are in Redis, not in the database.
    const redis = new Redis(redisUrl);
    try {
      expect((await redis.keys('fenji:rl:*')).length).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
    const rows = await withDataSource(ctx.db.url, (ds) => ds.query('SELECT COUNT(*) AS n FROM rate_limits'));
    expect(Number(rows[0].n)).toBe(0);
  });

  it('carry a radar line from the process that saw the view to a staff member connected to the other, within 5 s', async () => {
    const hq = await loginHq(client(a.url));
    const branch = await createBranch(client(a.url), hq, '雷达门店');
    const seller = await createActiveStaff(client(a.url), hq, { branchId: branch.id, name: '雷达员工' });
    const content = await createContent(client(a.url), hq);
    const share = await createShare(client(a.url), seller, content.id);
    const messages: Array<{ type: string; item?: { visitor: { id: string } } }> = [];
    const ws = new WebSocket(`${b.url.replace(/^http/, 'ws')}/api/ws?token=${encodeURIComponent(seller.token)}`);
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    try {
      const visitor = `crossprocessvisitor${Date.now()}`;
      const opened = Date.now();
      expect((await client(a.url).get(`/s/${share.code}`, { headers: { cookie: `fj_vid=${visitor}` } })).status).toBe(200);
      while (!messages.some((m) => m.type === 'radar' && m.item?.visitor.id === visitor)) {
        if (Date.now() - opened > 5000) throw new Error(`no radar line on the other process within 5 s: ${JSON.stringify(messages)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      ws.close();
    }
  });

  it('run the recycling job once a period between them', async () => {
    const runs = () => count(a.output(), 'recycle run') + count(b.output(), 'recycle run');
    const before = runs();
    await new Promise((r) => setTimeout(r, 6000));
    const during = runs() - before;
    // Two timers each second for 6 s: 12 runs without the shared lock; one a period with it.
    expect(during).toBeGreaterThanOrEqual(2);
    expect(during).toBeLessThanOrEqual(7);
  });
});

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
