import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { freePort, killApiProcesses, startApiProcess, withDataSource, type ApiProcess } from '../support/api-process';
import { createActiveStaff, createBranch, createContent, createShare, loginHq, nextPhone, submitLead, type Session } from '../support/factories';
import { client, type Client } from '../support/http';
import { expectIntactData } from '../support/integrity';

/**
 * A three-node MariaDB Galera cluster (TEST_GALERA_URLS, started by `scripts/galera.sh`), two API processes each on
 * its own node, HAProxy (Debian's) in front of them, round robin: the races of the lead pool spread over two
 * nodes, where a conflicting commit fails certification (1213) and the whole unit of work is retried.
 */
describe('two API processes on two Galera nodes behind HAProxy', () => {
  const nodes = (process.env.TEST_GALERA_URLS ?? '').split(/\s+/).filter(Boolean);
  const name = `fenji_g_${process.pid}_${Date.now() % 100000}`;
  const dbUrl = (node: string) => `${node.replace(/\/$/, '')}/${name}`;
  let procs: ApiProcess[] = [];
  let haproxy: ChildProcess | null = null;
  let haproxyDir = '';
  let api: Client;
  let hq: Session;

  beforeAll(async () => {
    if (nodes.length < 3) throw new Error('TEST_GALERA_URLS must name three nodes: start them with `bash scripts/galera.sh start`');
    await onNode(nodes[0], `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    // One after the other: GET_LOCK, the migration lock, is local to a node in Galera (see docs/scaling.md).
    procs.push(await startApiProcess(dbUrl(nodes[0]), { RECYCLE_INTERVAL_SECONDS: '0' }));
    procs.push(await startApiProcess(dbUrl(nodes[1]), { RECYCLE_INTERVAL_SECONDS: '0' }));
    const port = await freePort();
    haproxyDir = mkdtempSync(join(tmpdir(), 'fenji-haproxy-'));
    const config = [
      'global', '  maxconn 2000', 'defaults', '  mode http', '  timeout connect 5s', '  timeout client 60s', '  timeout server 60s',
      'frontend api', `  bind 127.0.0.1:${port}`, '  default_backend apis',
      'backend apis', '  balance roundrobin', '  option httpchk GET /api/health',
      ...procs.map((p, i) => `  server api${i} ${new URL(p.url).host} check inter 1s`),
    ].join('\n');
    writeFileSync(join(haproxyDir, 'haproxy.cfg'), `${config}\n`);
    haproxy = spawn('haproxy', ['-f', join(haproxyDir, 'haproxy.cfg'), '-db'], { stdio: 'ignore' });
    api = client(`http://127.0.0.1:${port}`);
    for (let i = 0; i < 100; i++) {
      try {
        if ((await api.get('/api/health')).status === 200) break;
      } catch {
        // HAProxy not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    hq = await loginHq(api);
    const current = (await api.get('/api/pool-settings', { token: hq.token })).body;
    const set = await api.request('PUT', '/api/pool-settings', { body: { ...current, claimDailyCap: 1000, claimHoldCap: 100000 }, token: hq.token });
    if (set.status !== 200) throw new Error(`pool settings: ${set.status} ${set.text}`);
  }, 180_000);

  afterAll(async () => {
    haproxy?.kill('SIGKILL');
    await killApiProcesses();
    procs = [];
    if (haproxyDir) rmSync(haproxyDir, { recursive: true, force: true });
    if (nodes.length >= 3) await onNode(nodes[0], `DROP DATABASE IF EXISTS \`${name}\``);
  });

  it('100 submissions of one phone spread over both nodes make one lead with 100 touches', async () => {
    const branch = await createBranch(api, hq, '集群门店');
    const content = await createContent(api, hq);
    const sellers: Session[] = [];
    for (let i = 0; i < 10; i++) sellers.push(await createActiveStaff(api, hq, { branchId: branch.id, name: `集群员工${i}` }));
    const shares = await Promise.all(sellers.map((s) => createShare(api, s, content.id)));
    const phone = nextPhone('135');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => submitLead(api, { shareCode: shares[i % 10].code, phone, name: `客户${i}` })));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    // Read on the third node: what both API nodes wrote has replicated there.
    await withDataSource(dbUrl(nodes[2]), async (ds) => {
      const leads = await ds.query('SELECT id, touch_count FROM leads WHERE phone = ?', [phone]);
      expect(leads).toHaveLength(1);
      expect(Number(leads[0].touch_count)).toBe(100);
      const touches = await ds.query('SELECT COUNT(*) AS n FROM touches WHERE lead_id = ?', [leads[0].id]);
      expect(Number(touches[0].n)).toBe(100);
      await expectIntactData(ds);
    });
  });

  it('20 racing claims of one public lead across both nodes: one winner', async () => {
    const branch = await createBranch(api, hq, '抢单门店');
    const content = await createContent(api, hq);
    const owner = await createActiveStaff(api, hq, { branchId: branch.id, name: '原负责人' });
    const share = await createShare(api, owner, content.id);
    const phone = nextPhone('134');
    expect((await submitLead(api, { shareCode: share.code, phone })).status).toBe(201);
    const mine = await api.get('/api/leads?limit=50', { token: owner.token });
    const lead = (mine.body.items as Array<{ id: string; phone: string }>).find((l) => l.phone === phone);
    if (!lead) throw new Error(`the owner does not see the lead: ${mine.text}`);
    expect((await api.post(`/api/leads/${lead.id}/release`, { reason: '放回公海' }, { token: owner.token })).status).toBe(200);
    const claimers: Session[] = [];
    for (let i = 0; i < 20; i++) claimers.push(await createActiveStaff(api, hq, { branchId: branch.id, name: `抢单员工${i}` }));
    const results = await Promise.all(claimers.map((c) => api.post(`/api/leads/${lead.id}/claim`, undefined, { token: c.token })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    await withDataSource(dbUrl(nodes[2]), async (ds) => {
      const changes = await ds.query("SELECT COUNT(*) AS n FROM lead_ownership_changes WHERE lead_id = ? AND rule = 'claimed'", [lead.id]);
      expect(Number(changes[0].n)).toBe(1);
      await expectIntactData(ds);
    });
  });
});

async function onNode(url: string, sql: string): Promise<void> {
  const u = new URL(url);
  const c = await createConnection({ host: u.hostname, port: Number(u.port), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
