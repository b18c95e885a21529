// What every scenario of `npm run bench` uses: processes (the API, baselines) started on their own, autocannon
// driven from the harness's process, rounds interleaved with the baseline, fresh databases on the throwaway MariaDB.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { freePort, post, ROOT, startApi, waitFor } from './support.mjs';

const requireApi = createRequire(join(ROOT, 'apps/api/package.json'));

/** The API as an operator runs it: request logs on (LOG_LEVEL info, JSON), production mode. */
export function startProductionApi(env = {}) {
  return startApi({ LOG_LEVEL: 'info', LOG_FORMAT: 'json', NODE_ENV: 'production', ...env });
}

/** A baseline script of bench/baselines in its own `node` process; resolves once it prints "ready". */
export async function startBaseline(script, env = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bench', 'baselines', script)], { env: { ...process.env, PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`baseline ${script} exited (${code})`)));
  });
  const stopped = new Promise((r) => child.once('exit', r));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'), stopped) };
}

/** autocannon from this process; throws on any error or non-2xx answer (a failing request is not a fast one). */
export function load(options) {
  return new Promise((resolve, reject) =>
    autocannon({ connections: 50, ...options }, (err, result) => {
      if (err) return reject(err);
      if (result.errors || result.non2xx) return reject(new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`));
      resolve(result);
    }),
  );
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Rounds of `subject` and `baseline` (each a function returning an autocannon result), interleaved ABBA so the
 * machine's drift hits both alike. Returns per-round requests/s and the median ratio.
 */
export async function interleaved(rounds, subject, baseline, progress) {
  const ratios = [];
  const subjects = [];
  const baselines = [];
  const p99s = [];
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? ['b', 's'] : ['s', 'b'];
    const got = {};
    for (const which of order) got[which] = await (which === 's' ? subject() : baseline());
    subjects.push(got.s.requests.average);
    baselines.push(got.b.requests.average);
    p99s.push(got.s.latency.p99);
    ratios.push(got.s.requests.average / got.b.requests.average);
    progress(`round ${round}/${rounds}: ${got.s.requests.average.toFixed(0)}/s vs baseline ${got.b.requests.average.toFixed(0)}/s (ratio ${ratios.at(-1).toFixed(2)}, p99 ${got.s.latency.p99} ms)`);
  }
  return { ratio: median(ratios), value: median(subjects), baseline: median(baselines), p99: median(p99s) };
}

/** A fresh database on the throwaway MariaDB at `server`; `drop()` removes it. */
export async function freshMariaDb(server) {
  const mysql = requireApi('mysql2/promise');
  const name = `fenji_bench_${randomBytes(4).toString('hex')}`;
  const admin = await mysql.createConnection(server);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin.query(`DROP DATABASE \`${name}\``).then(() => admin.end()) };
}

/** HQ's token, a branch, one published content and a staff member's share of it on a fresh API. */
export async function seedShare(api) {
  const hq = await post(`${api.url}/api/auth/login`, { phone: '13700000000', password: 'bench-password' });
  const branch = await post(`${api.url}/api/branches`, { name: '基准门店' }, hq.accessToken);
  const content = await post(`${api.url}/api/contents`, { kind: 'article', title: '基准测试文章', summary: '摘要', body: '正文\n'.repeat(40), published: true }, hq.accessToken);
  const created = await post(`${api.url}/api/staff`, { name: '基准员工', phone: '13600000001', role: 'staff', branchId: branch.id }, hq.accessToken);
  const staff = await post(`${api.url}/api/auth/activate`, { inviteCode: created.inviteCode, password: 'bench-password-1' });
  const share = await post(`${api.url}/api/shares`, { contentId: content.id, channel: 'wechat_friend' }, staff.accessToken);
  return { hq: hq.accessToken, staff: staff.accessToken, branchId: branch.id, contentId: content.id, code: share.code };
}

/** Resident memory of a process, in MB (from /proc). */
export function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

export { waitFor };
