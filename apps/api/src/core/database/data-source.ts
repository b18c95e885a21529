import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import { QuietTypeOrmLogger } from './typeorm-logger';

/** `timeoutMs`: connect and per-query timeout (mysql2), busy timeout (SQLite): a stalled database fails fast. */
export function dataSourceOptions(db: DatabaseConfig, timeoutMs = 5000): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false, logging: false, logger: new QuietTypeOrmLogger() } as const;
  if (db.type === 'mysql') {
    return {
      ...common,
      type: 'mysql',
      host: db.host,
      port: db.port,
      username: db.username,
      password: db.password,
      database: db.database,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: false,
      supportBigNumbers: true,
      poolSize: 10,
      connectTimeout: timeoutMs,
      // Every query gets mysql2's `timeout`: past it the query fails (PROTOCOL_SEQUENCE_TIMEOUT → 503) and its
      // connection is dropped, so a paused server cannot hold requests for longer.
      enableQueryTimeout: true,
      maxQueryExecutionTime: timeoutMs,
      extra: { enableKeepAlive: true, keepAliveInitialDelay: 10_000 },
    };
  }
  if (db.path !== ':memory:') mkdirSync(dirname(db.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: db.path,
    // WAL lets readers run beside the writer; busy_timeout lets several processes share one file.
    prepareDatabase: (conn: { pragma(s: string): unknown }) => {
      conn.pragma('journal_mode = WAL');
      conn.pragma(`busy_timeout = ${timeoutMs}`);
      conn.pragma('synchronous = NORMAL');
      conn.pragma('cache_size = -65536'); // 64 MiB: random-key index inserts (visitor ids) stay in memory
      conn.pragma('foreign_keys = ON');
    },
  };
}

/** Connects and runs the pending migrations under the migration lock (see migrate.ts); `migrated`: how many ran here. */
export async function openDatabase(db: DatabaseConfig, timeoutMs = 5000): Promise<{ dataSource: DataSource; migrated: number }> {
  if (db.type === 'mysql') {
    // Migrations (a backfill over a large table) may run longer than a request's query timeout: they get
    // their own connection without one, which also holds the lock.
    const migrator = new DataSource({ ...dataSourceOptions(db, timeoutMs), enableQueryTimeout: false, poolSize: 1 } as DataSourceOptions);
    await migrator.initialize();
    let migrated: number;
    try {
      migrated = await migrate(migrator, timeoutMs);
    } finally {
      await migrator.destroy();
    }
    const dataSource = new DataSource(dataSourceOptions(db, timeoutMs));
    await dataSource.initialize();
    return { dataSource, migrated };
  }
  const dataSource = new DataSource(dataSourceOptions(db, timeoutMs));
  await dataSource.initialize();
  return { dataSource, migrated: await migrate(dataSource, timeoutMs) };
}
