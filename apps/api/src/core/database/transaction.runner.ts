import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

const DEADLOCK_RETRIES = 3;

/**
 * Runs a unit of work atomically. The first multi-statement transaction of the code base (the claim caps:
 * docs/security.md, finding 4); the architecture issue generalises it.
 *
 * - MySQL/MariaDB: a real transaction on its own pooled connection; `lock` takes `SELECT … FOR UPDATE` on the
 *   rows that serialise competing work (the claiming staff member's row). A deadlock is retried.
 * - SQLite: TypeORM's better-sqlite3 driver shares one connection, so an `await` inside a transaction lets
 *   statements of other requests run inside it. Units of work are therefore queued in this process (one at a
 *   time), and run in `BEGIN IMMEDIATE`, which also holds other processes' writers off until COMMIT. Statements
 *   of other requests that land meanwhile commit with it; a ROLLBACK (only on an error thrown by the unit) would
 *   take them along, so units keep their refusals to returned values and throw only on database failures.
 */
@Injectable()
export class TransactionRunner {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private get mysql(): boolean {
    return this.dataSource.options.type === 'mysql';
  }

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.mysql ? this.runMysql(work) : this.runSqlite(work);
  }

  private async runMysql<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        const tx = new Transaction(runner.manager, true);
        const result = await work(tx);
        await runner.commitTransaction();
        await tx.committed();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        const code = (error as { driverError?: { code?: string }; code?: string })?.driverError?.code ?? (error as { code?: string })?.code;
        if (code !== 'ER_LOCK_DEADLOCK' || attempt >= DEADLOCK_RETRIES) throw error;
      } finally {
        await runner.release();
      }
    }
  }

  private runSqlite<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const run = async () => {
      const manager = this.dataSource.manager;
      await manager.query('BEGIN IMMEDIATE');
      try {
        const tx = new Transaction(manager, false);
        const result = await work(tx);
        await manager.query('COMMIT');
        await tx.committed();
        return result;
      } catch (error) {
        await manager.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** What a unit of work sees: the manager to write through, and row locks where the database has them. */
export class Transaction {
  private readonly after: Array<() => Promise<void>> = [];

  constructor(
    readonly manager: EntityManager,
    private readonly rowLocks: boolean,
  ) {}

  /** Work that must follow only a committed transaction (audit lines, notifications). */
  afterCommit(fn: () => Promise<void>): void {
    this.after.push(fn);
  }

  /** Runs the after-commit work (by the runner, once the transaction committed). */
  async committed(): Promise<void> {
    for (const fn of this.after) await fn();
  }

  /** Locks the rows of `table` with these ids until the end of the transaction (MySQL; SQLite holds the whole database). */
  async lock(table: string, ids: string[]): Promise<void> {
    if (!this.rowLocks || !ids.length) return;
    await this.manager.query(`SELECT id FROM \`${table}\` WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id FOR UPDATE`, ids);
  }
}
