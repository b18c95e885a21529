import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { HQ_PASSWORD, HQ_PHONE } from './test-app';

const API_ROOT = join(__dirname, '..', '..');

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr). */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The API (src/main.ts) in its own `node` process on `databaseUrl`, for tests that need a real process: killed
 * with SIGKILL mid-stream, or two started at the same moment. Resolves once /api/health answers 200.
 */
export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--require', join(__dirname, 'swc-register.cjs'), join(API_ROOT, 'src', 'main.ts')], {
    cwd: API_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      HQ_ADMIN_PHONE: HQ_PHONE,
      HQ_ADMIN_PASSWORD: HQ_PASSWORD,
      LEAD_RATE_LIMIT_PER_MINUTE: '1000000',
      RECYCLE_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API process exited (${child.exitCode}) before it answered:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, output: () => output, exited, kill };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill('SIGKILL');
  throw new Error(`the API process did not answer within 60 s:\n${output}`);
}
