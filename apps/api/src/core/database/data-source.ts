import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { ENTITIES } from './entities';
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

/** Connects and runs pending migrations; a second process starting at once waits on the migration lock. */
export async function openDatabase(db: DatabaseConfig, timeoutMs?: number): Promise<DataSource> {
  if (db.type === 'mysql') {
    // Migrations (a backfill over a large table) may run longer than a request's query timeout: they get
    // their own short-lived connection without one.
    const migrator = new DataSource({ ...dataSourceOptions(db, timeoutMs), enableQueryTimeout: false, poolSize: 1 } as DataSourceOptions);
    await migrator.initialize();
    try {
      await migrator.runMigrations({ transaction: 'each' });
    } finally {
      await migrator.destroy();
    }
  }
  const ds = new DataSource(dataSourceOptions(db, timeoutMs));
  await ds.initialize();
  if (db.type !== 'mysql') await ds.runMigrations({ transaction: 'each' });
  return ds;
}
