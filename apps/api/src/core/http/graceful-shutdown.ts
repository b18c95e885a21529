import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** How long a stop may take before the process exits anyway (below a supervisor's usual 30 s). */
const GRACE_MS = 25_000;

/**
 * SIGTERM / SIGINT stop the process in the order that loses nothing:
 * 1. the HTTP server closes: no new connection is accepted, a request arriving on an open one is answered 503
 *    `SERVICE_UNAVAILABLE` in the contract's shape (core/http/http-hardening.ts), and every request in flight
 *    is answered before the server is closed;
 * 2. then Nest's shutdown: buffered visit events are flushed, the schedulers stop, the database closes;
 * 3. exit 0 (1 when something failed or the grace period ran out).
 * Nest's own signal hooks would run the shutdown hooks first and close the server last, so that requests
 * still arriving after the visit flush would record views that are never written.
 */
export function installGracefulShutdown(app: NestFastifyApplication, log: (message: string, error?: unknown) => void): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests, then shutting down`);
    const deadline = setTimeout(() => {
      log(`shutdown took longer than ${GRACE_MS} ms: exiting`);
      process.exit(1);
    }, GRACE_MS);
    deadline.unref();
    const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    fastify
      .close()
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log('shutdown failed', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
