import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics';

interface RouteSeries {
  inc(): void;
  observe(seconds: number): void;
}

/**
 * Counts every answer and its latency by route template (`/api/leads/:id`, never the id itself, so the label set
 * stays small); requests that matched no route are `unmatched`. The labelled series are looked up once per
 * (method, route, status) and kept: prom-client's label hashing per request cost the landing page ~10% CPU.
 */
export function instrumentHttp(fastify: FastifyInstance, metrics: Metrics): void {
  const series = new Map<string, RouteSeries>();
  const seriesOf = (method: string, route: string, status: string): RouteSeries => {
    const key = `${method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      const counter = metrics.httpRequests.labels(method, route, status);
      const histogram = metrics.httpDuration.labels(method, route);
      found = { inc: () => counter.inc(), observe: (s) => histogram.observe(s) };
      series.set(key, found);
    }
    return found;
  };
  fastify.addHook('onResponse', (request, reply, done) => {
    const one = seriesOf(request.method, request.routeOptions?.url ?? 'unmatched', String(reply.statusCode));
    one.inc();
    one.observe(reply.elapsedTime / 1000);
    done();
  });
}
