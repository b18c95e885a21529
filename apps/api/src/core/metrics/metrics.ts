import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** mysql2's pool, as TypeORM's MySQL driver holds it (its lists are what `pool use` reads). */
interface Mysql2Pool {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The process's Prometheus metrics (`GET /metrics`), on a registry of its own (several apps in one test process
 * never share one). Request counts and latency by route template, leads accepted, visits buffered, written and
 * dropped, database pool use, job runs; plus Node's defaults (CPU, memory, event loop lag, GC).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({ name: 'fenji_http_requests_total', help: 'HTTP requests answered, by method, route template and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly httpDuration = new Histogram({
    name: 'fenji_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly leadsAccepted = new Counter({ name: 'fenji_leads_accepted_total', help: 'Lead form submissions accepted (answered 201), replays included', registers: [this.registry] });
  readonly visitsBuffered = new Counter({ name: 'fenji_visits_buffered_total', help: 'Visit events taken into the in-memory buffer', registers: [this.registry] });
  readonly visitsFlushed = new Counter({ name: 'fenji_visits_flushed_total', help: 'Visit events written to the database', registers: [this.registry] });
  readonly visitsDropped = new Counter({ name: 'fenji_visits_dropped_total', help: 'Visit events dropped (buffer full or a failed write)', registers: [this.registry] });
  readonly jobRuns = new Counter({ name: 'fenji_job_runs_total', help: 'Scheduled job runs by job and outcome (done, skipped: another process held the lock, failed)', labelNames: ['job', 'outcome'] as const, registers: [this.registry] });

  constructor(@Inject(DataSource) dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'fenji_' });
    new Gauge({
      name: 'fenji_db_pool_connections',
      help: 'Database connections by state (MySQL/MariaDB pool: in_use, free, waiting requests, limit; SQLite: one connection)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') {
          this.set({ state: 'limit' }, 1);
          return;
        }
        const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
        const all = pool?._allConnections?.length ?? 0;
        const free = pool?._freeConnections?.length ?? 0;
        this.set({ state: 'in_use' }, all - free);
        this.set({ state: 'free' }, free);
        this.set({ state: 'waiting' }, pool?._connectionQueue?.length ?? 0);
        this.set({ state: 'limit' }, pool?.config?.connectionLimit ?? 0);
      },
    });
  }

  /** A job run and how it ended; `null` from JobLock.runExclusive means another process held the lock. */
  async countJob<T>(job: string, run: () => Promise<T | null>): Promise<T | null> {
    try {
      const result = await run();
      this.jobRuns.inc({ job, outcome: result === null ? 'skipped' : 'done' });
      return result;
    } catch (error) {
      this.jobRuns.inc({ job, outcome: 'failed' });
      throw error;
    }
  }
}
