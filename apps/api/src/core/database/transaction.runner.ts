import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/** The database timeout (DB_QUERY_TIMEOUT_MS): also the longest a statement waits for SQLite's one connection. */
export const DB_TIMEOUT_MS = Symbol('DB_TIMEOUT_MS');

/**
 * Whole attempts of one unit of work on MySQL/MariaDB before its last error is let through. Ten, with the backoff
 * below (full jitter up to 20, 40, … ms, capped at 1 s), bound the retrying to ~4 s, under REQUEST_TIMEOUT_MS: on
 * a Galera cluster 100 submissions of one phone spread over two nodes conflict at certification again and again
 * (with 5 attempts capped at 160 ms, 1 of 100 ran out in CI and answered 503).
 */
export const MAX_ATTEMPTS = 10;
const RETRYABLE_ERRNOS = new Set([1213 /* ER_LOCK_DEADLOCK; Galera's certification conflict too */, 1205 /* ER_LOCK_WAIT_TIMEOUT */]);

/**
 * Thrown by a unit of work that met a competing one it cannot see yet (two submissions of one new phone meet at
 * the unique index): the whole unit is rolled back and run again, and the next attempt finds the winner.
 */
export class TransactionConflict extends Error {
  constructor(what: string) {
    super(`transaction conflict: ${what}`);
  }
}

/** Whether the whole transaction should be tried again: a deadlock, a lock wait timeout, or a conflict it reported. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TransactionConflict) return true;
  const e = error as { errno?: number; driverError?: { errno?: number } };
  const errno = e?.driverError?.errno ?? e?.errno;
  return errno !== undefined && RETRYABLE_ERRNOS.has(errno);
}

/**
 * Runs units of work atomically: every operation that writes more than one row is one `run`. Repositories take
 * the unit's `Transaction` and work through `tx.manager`; services decide where a unit begins and ends. A unit's
 * body does database work only, all of it through `tx`: no password hashing, HTTP or timers inside, and no
 * repository call without the unit's `tx` (on SQLite that statement would wait for the unit it is part of).
 *
 * - MySQL/MariaDB: a real transaction on its own pooled connection, `READ COMMITTED` (no gap locks, so fewer
 *   deadlocks on the unique-index inserts that keep one lead per phone; correctness rests on unique keys,
 *   conditional updates and `tx.forUpdate` row locks, not on snapshots). A deadlock or lock wait timeout (1213,
 *   1205; Galera reports a certification conflict as 1213) or a `TransactionConflict` runs the whole unit again,
 *   up to MAX_ATTEMPTS times with jittered backoff. A single statement is never retried on its own.
 * - SQLite: TypeORM's better-sqlite3 driver has ONE connection, so a statement of another request issued while a
 *   unit is open would become part of its transaction (and of its rollback). Units run one at a time from an
 *   in-process FIFO queue, in `BEGIN IMMEDIATE` (other processes on the file wait on busy_timeout), and the shared
 *   connection is gated: a statement from outside the unit waits its turn in the same queue. Whatever waits in
 *   the queue longer than the database timeout fails as a busy database (503), never hangs.
 *
 * Deliberately no AsyncLocalStorage: on Node 20 it turns on promise hooks that made every request ~20% dearer.
 */
@Injectable()
export class TransactionRunner {
  private readonly mysql: boolean;
  /** SQLite: the end of the queue; the manager units work through (ungated); the raw driver for BEGIN/COMMIT. */
  private tail: Promise<void> = Promise.resolve();
  /** Jobs queued or running. */
  private inQueue = 0;
  private unitManager: EntityManager | null = null;
  private sqlite: { exec(sql: string): unknown } | null = null;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DB_TIMEOUT_MS) private readonly waitLimitMs: number,
  ) {
    this.mysql = dataSource.options.type === 'mysql';
    if (!this.mysql) this.gateSqliteConnection();
  }

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const { result, tx } = this.mysql ? await this.runMysql(work) : await this.enqueue(() => this.runSqlite(work));
    await tx.committed();
    return result;
  }

  private async runMysql<T>(work: (tx: Transaction) => Promise<T>): Promise<{ result: T; tx: Transaction }> {
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner('master');
      try {
        await runner.connect();
        await runner.startTransaction('READ COMMITTED');
        const tx = new Transaction(runner.manager, true);
        const result = await work(tx);
        await runner.commitTransaction();
        return { result, tx };
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        await backoff(attempt);
      } finally {
        await runner.release();
      }
    }
  }

  private async runSqlite<T>(work: (tx: Transaction) => Promise<T>): Promise<{ result: T; tx: Transaction }> {
    const db = this.sqlite as { exec(sql: string): unknown };
    for (let attempt = 1; ; attempt++) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const tx = new Transaction(this.unitManager as EntityManager, false);
        const result = await work(tx);
        db.exec('COMMIT');
        return { result, tx };
      } catch (error) {
        try {
          db.exec('ROLLBACK');
        } catch {
          // already rolled back by SQLite itself
        }
        if (attempt >= MAX_ATTEMPTS || !(error instanceof TransactionConflict)) throw error;
      }
    }
  }

  /**
   * Runs `job` after everything queued before it. A job that has not started within the limit fails as busy (and
   * is skipped when its turn comes); once started, it runs to its end.
   */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let expired = false;
      // With nothing queued or running the job starts at once: no timer needed.
      const timer = this.inQueue++ > 0 ? setTimeout(() => ((expired = true), reject(new SqliteQueueTimeout(this.waitLimitMs))), this.waitLimitMs) : undefined;
      timer?.unref();
      this.tail = this.tail.then(async () => {
        try {
          if (expired) return;
          clearTimeout(timer);
          resolve(await job());
        } catch (error) {
          reject(error);
        } finally {
          this.inQueue--;
        }
      });
    });
  }

  /**
   * SQLite: statements through the data source (outside any unit) queue; a unit works through its own manager,
   * whose runner is the same connection with the ungated `query`.
   */
  private gateSqliteConnection(): void {
    const shared: QueryRunner = this.dataSource.createQueryRunner(); // better-sqlite3: the one shared runner
    const query = shared.query.bind(shared) as (...args: unknown[]) => Promise<unknown>;
    shared.query = ((...args: unknown[]) => this.enqueue(() => query(...args))) as QueryRunner['query'];
    const unitRunner = Object.create(shared, { query: { value: query } }) as QueryRunner;
    this.unitManager = this.dataSource.createEntityManager(unitRunner);
    this.sqlite = (this.dataSource.driver as unknown as { databaseConnection: { exec(sql: string): unknown } }).databaseConnection;
  }
}

/** A statement or unit that waited too long for SQLite's one connection: answered like a busy database (503). */
export class SqliteQueueTimeout extends Error {
  readonly code = 'SQLITE_BUSY';

  constructor(ms: number) {
    super(`waited ${ms} ms for the SQLite connection (a long unit of work, or a statement inside one that does not use its tx)`);
  }
}

/** Full jitter: somewhere up to 20 ms, 40 ms, 80 ms … (capped at 1 s), so retried units spread out. */
function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1000, 10 * 2 ** attempt)));
}

/** What a unit of work sees: the manager to read and write through, row locks, and work for after the commit. */
export class Transaction {
  private readonly after: Array<() => void | Promise<void>> = [];

  constructor(
    readonly manager: EntityManager,
    private readonly rowLocks: boolean,
  ) {}

  /**
   * Find options that lock the rows read until the end of the unit (`SELECT … FOR UPDATE` on MySQL); nothing on
   * SQLite, where the unit holds the whole database already.
   */
  get forUpdate(): { lock?: { mode: 'pessimistic_write' } } {
    return this.rowLocks ? { lock: { mode: 'pessimistic_write' } } : {};
  }

  /** Work that must follow only a committed unit (dropping a cache entry, telling another process). */
  afterCommit(fn: () => void | Promise<void>): void {
    this.after.push(fn);
  }

  /** Runs the after-commit work (by the runner, once the unit committed, outside it). */
  async committed(): Promise<void> {
    for (const fn of this.after) await fn();
  }
}
