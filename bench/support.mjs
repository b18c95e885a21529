// Helpers shared by the benchmarks: start the built API on a temp SQLite file, talk to it, measure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

export async function waitFor(url, tries = 200) {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Starts `node apps/api/dist/main.js` of the checkout at `root` (default: this one) on a fresh SQLite file, or on
 * `env.DATABASE_URL`; returns { url, stop, dbPath }.
 */
export async function startApi(env = {}, root = ROOT) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fenji-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const child = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${dbPath}`,
      JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
      HQ_ADMIN_PHONE: '13700000000',
      HQ_ADMIN_PASSWORD: 'bench-password',
      LOG_LEVEL: 'warn',
      LEAD_RATE_LIMIT_PER_MINUTE: '1000000',
      VISIT_EVENTS_PER_ADDRESS_PER_MINUTE: '1000000000', // one address sends every request: measure recording, not dropping
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`the API exited (${code}) before it answered`))));
  exited.catch(() => undefined); // once up, a later exit is stop()'s
  await Promise.race([waitFor(`${url}/api/health`), exited]);
  const stopped = new Promise((r) => child.once('exit', r));
  const stop = () => (child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'), stopped);
  return { url, dbPath, pid: child.pid, stop };
}

/**
 * CPU seconds a process has used so far (user + system, from /proc): what a request costs the API, steadier than
 * requests per second on a machine shared with other work.
 */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

export async function post(url, body, token) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}
