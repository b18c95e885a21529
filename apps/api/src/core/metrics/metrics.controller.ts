import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AppException } from '../errors/app.exception';
import { Metrics } from './metrics';

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /metrics` in Prometheus' text format, for a scraper holding `METRICS_TOKEN` (Authorization: Bearer).
 * Without METRICS_TOKEN the route does not exist (404); a wrong or missing token is 401. Not in the API docs.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.metricsToken;
    if (!token) throw AppException.notFound('NOT_FOUND', '页面不存在');
    const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
    if (!sameToken(given, token)) throw AppException.unauthorized('UNAUTHENTICATED', '需要有效的监控令牌');
    const body = await this.metrics.registry.metrics();
    await reply.status(200).header('content-type', this.metrics.registry.contentType).header('cache-control', 'no-store').send(body);
  }
}
