import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/core/config/config';
import { VisitService } from '../../src/modules/visit/visit.service';
import { expectIntactData } from './integrity';
import { TestClock } from './test-clock';

export const HQ_PHONE = '13700000000';
export const HQ_PASSWORD = 'hq-password-1';

export interface TestApp {
  url: string;
  app: NestFastifyApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** The app's clock: `clock.advance(ms)` moves it forward. */
  clock: TestClock;
  /** Writes buffered visit events now. */
  flushVisits(): Promise<void>;
  close(): Promise<void>;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test app: a temporary SQLite file, or — when TEST_DATABASE_URL
 * names a MySQL/MariaDB server (mysql://user:pass@host:port/) — a new database on that server.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (server && server.startsWith('mysql')) {
    const name = `fenji_t_${randomBytes(6).toString('hex')}`;
    const base = new URL(server);
    const admin = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    base.pathname = `/${name}`;
    return {
      url: base.toString(),
      drop: async () => {
        const c = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'fenji-test-'));
  return { url: `sqlite:${join(dir, 'test.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export const usingMysql = () => Boolean(process.env.TEST_DATABASE_URL?.startsWith('mysql'));

/**
 * The whole API on a random port over a fresh database, with an HQ admin bootstrapped. Closing it checks that
 * every lead the test wrote is whole (the check of `npm run check:data`), so every suite is also an integrity test.
 */
export async function startTestApp(env: Record<string, string> = {}, database?: TestDatabase): Promise<TestApp> {
  const db = database ?? (await freshDatabase());
  const config = loadConfig({
    DATABASE_URL: db.url,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: 'https://m.example.com',
    HQ_ADMIN_PHONE: HQ_PHONE,
    HQ_ADMIN_PASSWORD: HQ_PASSWORD,
    LEAD_RATE_LIMIT_PER_MINUTE: '100000',
    VISIT_FLUSH_MS: '20',
    LOG_LEVEL: 'error',
    RECYCLE_INTERVAL_SECONDS: '0',
    MEDIA_DIR: mkdtempSync(join(tmpdir(), 'fenji-media-')),
    RETENTION_INTERVAL_SECONDS: '0',
    ...env,
  });
  const clock = new TestClock();
  const app = await createApp(config, { logLevel: process.env.TEST_LOG_LEVEL ?? 'fatal', clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    config,
    dataSource: app.get(DataSource),
    clock,
    flushVisits: () => app.get(VisitService).flush(),
    close: async () => {
      const dataSource = app.get(DataSource);
      try {
        if (dataSource.isInitialized) await expectIntactData(dataSource);
      } finally {
        await app.close();
        if (!database) await db.drop();
      }
    },
  };
}
