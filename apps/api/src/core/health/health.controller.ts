import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** 200 `{status:'ok', db:'up'}`; 503 in the error shape (plus status/db) when the database does not answer. */
  @Get()
  async health(@Res() reply: FastifyReply): Promise<void> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      await reply.status(200).send({ status: 'ok', db: 'up' });
    } catch {
      await reply.status(503).send({ statusCode: 503, code: 'DB_UNAVAILABLE', message: '数据库不可用', status: 'error', db: 'down' });
    }
  }
}
