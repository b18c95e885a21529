import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { pingRedis } from './redis-probe';

/** Each dependency must answer within this, so that the check itself answers within about 2 s. */
const CHECK_TIMEOUT_MS = 2000;

type State = 'up' | 'down';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Readiness: 200 `{status:'ok', db:'up'}` (plus `redis:'up'` when REDIS_URL is set); 503 in the error shape,
   * with the state of each dependency, when one does not answer within 2 s.
   */
  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const [db, redis] = await Promise.all([this.database(), this.config.redisUrl ? this.redis(this.config.redisUrl) : Promise.resolve(null)]);
    const states = { db, ...(redis ? { redis } : {}) };
    if (db === 'up' && redis !== 'down') {
      await reply.status(200).send({ status: 'ok', ...states });
      return;
    }
    const [code, message] = db === 'down' ? ['DB_UNAVAILABLE', '数据库不可用'] : ['SERVICE_UNAVAILABLE', '缓存服务不可用'];
    await reply.status(503).send({ statusCode: 503, code, message, status: 'error', ...states });
  }

  /** Liveness: the process answers (no dependency is asked), for a supervisor deciding whether to restart it. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  private async database(): Promise<State> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
      ]);
      return 'up';
    } catch {
      return 'down';
    }
  }

  private async redis(url: string): Promise<State> {
    return (await pingRedis(url, CHECK_TIMEOUT_MS)) ? 'up' : 'down';
  }
}
