// Starts the built API (serving the console, the staff app and landing pages) on a fresh SQLite file.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const HQ = { phone: '13700000000', password: 'hq-password-1' };

function freePort() {
  return new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** `wechat: true`: a WeChat sandbox (tools/wechat-sandbox) stands in for WeChat, with the official account configured. */
export async function startServer({ wechat = false } = {}) {
  const sandbox = wechat ? createRequire(import.meta.url)('../../tools/wechat-sandbox/server.js').createWechatSandbox() : null;
  const sandboxBase = sandbox ? await sandbox.listen() : null;
  const main = join(ROOT, 'apps/api/dist/main.js');
  for (const built of [main, join(ROOT, 'apps/h5/dist/console/index.html'), join(ROOT, 'apps/miniprogram/dist/h5/index.html'), join(ROOT, 'apps/h5/dist/landing/landing.js')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fenji-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
      JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
      PUBLIC_BASE_URL: url,
      HQ_ADMIN_PHONE: HQ.phone,
      HQ_ADMIN_PASSWORD: HQ.password,
      LOG_LEVEL: 'warn',
      DEMO: '0',
      ...(sandbox ? { WECHAT_API_BASE: sandboxBase, WECHAT_OPEN_BASE: sandboxBase, WECHAT_OA_APPID: sandbox.oaAppid, WECHAT_OA_SECRET: sandbox.oaSecret } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async api(method, path, body, token) {
      const res = await fetch(url + path, {
        method,
        headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    },
    async stop() {
      await new Promise((r) => (child.once('exit', r), child.kill('SIGTERM')));
      await sandbox?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
