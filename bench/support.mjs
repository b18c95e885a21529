// Helpers shared by the benchmarks: start the built API on a temp SQLite file, talk to it, measure.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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

/** Starts `node apps/api/dist/main.js` on a fresh SQLite file; returns { url, stop, dbPath }. */
export async function startApi(env = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fenji-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
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
  await waitFor(`${url}/api/health`);
  return { url, dbPath, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
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
