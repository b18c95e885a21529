import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics';

/**
 * Counts every answer and its latency by route template (`/api/leads/:id`, never the id itself, so the label set
 * stays small); requests that matched no route are `unmatched`.
 */
export function instrumentHttp(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
}
