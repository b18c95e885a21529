/**
 * A job that one process at a time should run (the recycling run, the retention purge, roll-up compaction).
 * `runExclusive` runs `job` only if no process holds `name`; the lock lapses after `ttlMs` even if its holder
 * died. Correctness never rests on it alone: jobs stay safe to run twice (row locks, idempotent writes); the
 * lock saves the duplicate work. In-process by default; with REDIS_URL, Redis (SET NX PX, released by token).
 */
export abstract class JobLock {
  /** The job's result, or `null` when another run holds the lock (the job did not run). */
  abstract runExclusive<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<T | null>;

  /**
   * For a job every process schedules on a timer: the first process to ask in a period runs `job`, the others of
   * that period get `null`. The claim is not released when the job ends, so one run happens per period in all.
   */
  abstract runOncePer<T>(name: string, periodMs: number, job: () => Promise<T>): Promise<T | null>;
}

/** One process only: the default with no REDIS_URL. */
export class InProcessJobLock extends JobLock {
  private readonly held = new Map<string, number>();

  async runExclusive<T>(name: string, ttlMs: number, job: () => Promise<T>): Promise<T | null> {
    const until = this.held.get(name);
    if (until !== undefined && until > Date.now()) return null;
    const mine = Date.now() + ttlMs;
    this.held.set(name, mine);
    try {
      return await job();
    } finally {
      if (this.held.get(name) === mine) this.held.delete(name);
    }
  }

  async runOncePer<T>(name: string, periodMs: number, job: () => Promise<T>): Promise<T | null> {
    const key = `period:${name}`;
    const until = this.held.get(key);
    if (until !== undefined && until > Date.now()) return null;
    this.held.set(key, Date.now() + periodClaimMs(periodMs));
    return job();
  }
}

/** A period's claim lapses a little before the next tick, so a timer that fires slightly early is not skipped. */
export function periodClaimMs(periodMs: number): number {
  return Math.max(1, Math.round(periodMs * 0.9));
}
