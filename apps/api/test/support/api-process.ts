import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../src/core/config/config';
import { dataSourceOptions } from '../../src/core/database/data-source';
import { freshDatabase, HQ_PASSWORD, HQ_PHONE, type TestDatabase } from './test-app';

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

/** Every process started here and still running: a failed test stops them all in its afterAll. */
const live = new Set<ChildProcess>();

/** SIGKILLs every API process still running (for afterAll, whatever the test got to). */
export async function killApiProcesses(): Promise<void> {
  await Promise.all(
    [...live].map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      return exited;
    }),
  );
}

/** For a describe block of process tests: a fresh database before them; after them, every process killed and the database dropped. */
export function useProcessDatabase(): { db: TestDatabase } {
  const ctx = {} as { db: TestDatabase };
  beforeAll(async () => {
    ctx.db = await freshDatabase();
  });
  afterAll(async () => {
    await killApiProcesses();
    await ctx.db.drop();
  });
  return ctx;
}

/** The test's own connection to the database at `url` (no migrations), for `fn`, closed after it. */
export async function withDataSource<T>(url: string, fn: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(url, process.cwd())));
  await dataSource.initialize();
  try {
    return await fn(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
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
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // A graceful stop gets 15 s; then it is killed.
    const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(late);
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
