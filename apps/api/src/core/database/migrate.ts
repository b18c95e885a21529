import { type DataSource, MigrationExecutor, type QueryRunner } from 'typeorm';

/** How long a process starting beside another waits for the other's migrations before it gives up. */
export const MIGRATION_LOCK_SECONDS = 600;
const LOCK_NAME = 'fenji_migrations';

export class MigrationLockTimeout extends Error {
  constructor() {
    super(`another process held the migration lock for ${MIGRATION_LOCK_SECONDS} s: is a migration stuck?`);
  }
}

async function runPending(dataSource: DataSource, runner: QueryRunner, transaction: 'each' | 'none'): Promise<number> {
  const executor = new MigrationExecutor(dataSource, runner);
  executor.transaction = transaction;
  return (await executor.executePendingMigrations()).length;
}

/**
 * Runs the pending migrations under a lock, so that processes starting together on one database migrate once:
 * the first runs them, the others wait and then find nothing pending. Returns how many this process ran.
 * - MySQL/MariaDB: `GET_LOCK` held on the one connection that runs them (DDL commits implicitly, so a transaction
 *   could not hold them together); the lock ends with that connection if the process dies.
 * - SQLite: the database's write lock (`BEGIN IMMEDIATE`) around all of them, one transaction (SQLite's DDL is
 *   transactional: all or none); another process waits on busy_timeout, raised for the while.
 */
export async function migrate(dataSource: DataSource, busyTimeoutMs: number): Promise<number> {
  const runner = dataSource.createQueryRunner('master');
  await runner.connect();
  try {
    if (dataSource.options.type === 'mysql') {
      const [{ got }] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [LOCK_NAME, MIGRATION_LOCK_SECONDS])) as Array<{ got: number | string | null }>;
      if (Number(got) !== 1) throw new MigrationLockTimeout();
      try {
        return await runPending(dataSource, runner, 'each');
      } finally {
        await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]).catch(() => undefined);
      }
    }
    await runner.query(`PRAGMA busy_timeout = ${MIGRATION_LOCK_SECONDS * 1000}`);
    await runner.query('BEGIN IMMEDIATE');
    try {
      const ran = await runPending(dataSource, runner, 'none');
      await runner.query('COMMIT');
      return ran;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.query(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    }
  } finally {
    await runner.release();
  }
}
