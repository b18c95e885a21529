import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { migrate } from './migrate';
import { QuietTypeOrmLogger } from './typeorm-logger';

/** What the app maps and how its schema came to be: assembled above core and the modules (src/database.config.ts). */
export type Schema = Required<Pick<DataSourceOptions, 'entities' | 'migrations'>>;

/**
 * `timeoutMs`: connect and per-query timeout (mysql2), busy timeout (SQLite): a stalled database fails fast.
 * Without a schema the data source maps nothing (the data check reads with plain SQL).
 */
export function dataSourceOptions(db: DatabaseConfig, timeoutMs = 5000, schema: Schema = { entities: [], migrations: [] }): DataSourceOptions {
  const common = { ...schema, migrationsRun: false, synchronize: false, logging: false, logger: new QuietTypeOrmLogger() } as const;
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
export async function openDatabase(db: DatabaseConfig, timeoutMs: number, schema: Schema): Promise<{ dataSource: DataSource; migrated: number }> {
  if (db.type === 'mysql') {
    // Migrations (a backfill over a large table) may run longer than a request's query timeout: they get
    // their own connection without one, which also holds the lock.
    const migrator = new DataSource({ ...dataSourceOptions(db, timeoutMs, schema), enableQueryTimeout: false, poolSize: 1 } as DataSourceOptions);
    await migrator.initialize();
    let migrated: number;
    try {
      migrated = await migrate(migrator, timeoutMs);
    } finally {
      await migrator.destroy();
    }
    const dataSource = new DataSource(dataSourceOptions(db, timeoutMs, schema));
    await dataSource.initialize();
    return { dataSource, migrated };
  }
  const dataSource = new DataSource(dataSourceOptions(db, timeoutMs, schema));
  await dataSource.initialize();
  return { dataSource, migrated: await migrate(dataSource, timeoutMs) };
}
