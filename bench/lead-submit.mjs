// POST /api/public/leads: accepted submissions per second, the customer's form under load.
// Issue 7 target: making every submission one transaction costs at most 10% of the throughput.
//   BENCH_COMPARE=<checkout>   also runs that checkout's built API ("before") in the same run, rounds interleaved
//   BENCH_DATABASE=mysql://root@127.0.0.1:3307/   a fresh database on that server per API instead of SQLite
// A mix like a real campaign: 70% new phones, 30% phones already known (touches, collisions), from 8 staff members'
// shares, each with its own idempotency key; every answer must be 201.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { cpuSeconds, post, ROOT, startApi } from './support.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const STAFF = 8;
const server = process.env.BENCH_DATABASE;

async function freshDatabaseUrl() {
  if (!server) return undefined;
  const mysql = createRequire(join(ROOT, 'apps/api/package.json'))('mysql2/promise');
  const name = `fenji_bench_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin.query(`DROP DATABASE \`${name}\``).then(() => admin.end()) };
}

/** An API of one checkout with HQ, a branch, STAFF activated staff members and a share of each. */
async function prepare(name, root) {
  const db = await freshDatabaseUrl();
  const api = await startApi(db ? { DATABASE_URL: db.url } : {}, root);
  const hq = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
  const branch = await post(`${api.url}/api/branches`, { name: '基准门店' }, hq.accessToken);
  const content = await post(`${api.url}/api/contents`, { kind: 'article', title: '基准测试文章', summary: '摘要', body: '正文', published: true }, hq.accessToken);
  const codes = [];
  for (let i = 0; i < STAFF; i++) {
    const created = await post(`${api.url}/api/staff`, { name: `员工${i}`, phone: `136${String(i).padStart(8, '0')}`, role: 'staff', branchId: branch.id }, hq.accessToken);
    const staff = await post(`${api.url}/api/auth/activate`, { inviteCode: created.inviteCode, password: 'bench-password-1' });
    codes.push((await post(`${api.url}/api/shares`, { contentId: content.id, channel: 'wechat_friend' }, staff.accessToken)).code);
  }
  return { name, api, db, codes, next: 0 };
}

function measure(variant) {
  let n = 0;
  const body = () => {
    n++;
    variant.next++;
    const known = variant.next > 100 && n % 10 < 3;
    const index = known ? Math.floor(Math.random() * (variant.next - 1)) : variant.next;
    return JSON.stringify({
      shareCode: variant.codes[Math.floor(Math.random() * variant.codes.length)],
      name: `客户${index % 1000}`,
      phone: `139${String(index).padStart(8, '0')}`,
      consent: true,
      idempotencyKey: randomBytes(12).toString('hex'),
    });
  };
  return new Promise((res, rej) =>
    autocannon(
      {
        url: variant.api.url,
        connections: CONNECTIONS,
        duration: DURATION,
        requests: [{ method: 'POST', path: '/api/public/leads', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: body() }) }],
      },
      (err, r) => (err ? rej(err) : res(r)),
    ),
  );
}

const variants = [];
if (process.env.BENCH_COMPARE) variants.push(await prepare('before', resolve(process.env.BENCH_COMPARE)));
variants.push(await prepare(process.env.BENCH_COMPARE ? 'after' : 'this', ROOT));
console.log(`lead submissions, ${CONNECTIONS} connections, ${DURATION} s a round, ${server ? 'MySQL/MariaDB' : 'SQLite'}`);
for (const v of variants) await measure(v); // warm-up: JIT, caches, first pages of the tables

const rates = new Map(variants.map((v) => [v.name, []]));
const cpu = new Map(variants.map((v) => [v.name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  // ABBA: each variant goes first as often as second, so a drift in machine speed hits both alike.
  const order = round % 2 ? variants : [...variants].reverse();
  const line = [];
  for (const v of order) {
    const cpuBefore = cpuSeconds(v.api.pid);
    const r = await measure(v);
    const cpuMs = ((cpuSeconds(v.api.pid) - cpuBefore) * 1000) / r.requests.total;
    if (r.non2xx || r.errors) throw new Error(`${v.name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
    rates.get(v.name).push(r.requests.average);
    cpu.get(v.name).push(cpuMs);
    line.push(`${v.name} ${r.requests.average.toFixed(0)}/s (p99 ${r.latency.p99} ms, ${cpuMs.toFixed(2)} ms CPU each)`);
  }
  console.log(`round ${round}: ${line.join(', ')}`);
}
for (const v of variants) {
  await v.api.stop();
  await v.db?.drop();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of rates) {
  const ms = cpu.get(name);
  console.log(`${name}: median ${median(xs).toFixed(0)}/s, range ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}; API CPU per submission median ${median(ms).toFixed(2)} ms, range ${Math.min(...ms).toFixed(2)}–${Math.max(...ms).toFixed(2)}`);
}
if (variants.length === 2) {
  const ratios = rates.get('after').map((a, i) => a / rates.get('before')[i]);
  const cpuRatios = cpu.get('after').map((a, i) => a / cpu.get('before')[i]);
  console.log(`throughput after / before per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)} (target ≥ 0.90)`);
  console.log(`CPU per submission after / before per round: ${cpuRatios.map((r) => r.toFixed(2)).join(', ')}; median ${median(cpuRatios).toFixed(2)}`);
  process.exit(median(ratios) >= 0.9 ? 0 : 1);
}
