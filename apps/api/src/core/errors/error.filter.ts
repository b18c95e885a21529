import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@fenji/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from './app.exception';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
};

const MESSAGE_BY_STATUS: Record<number, string> = {
  400: '请求格式不正确',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '请求的资源不存在',
  413: '提交的内容太大',
  415: '请求格式不正确',
  429: '操作太频繁，请稍后再试',
};

/** Driver errors that mean "the database is not answering now": 503, the client retries. */
const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'POOL_CLOSED',
  'ER_CON_COUNT_ERROR',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/** Turns any thrown value into the contract's error shape. Only a genuine bug is a 500. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppException) {
    return { statusCode: error.status, code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  }
  const status = statusOf(error);
  if (status && status >= 400 && status < 500) {
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'VALIDATION_FAILED', message: MESSAGE_BY_STATUS[status] ?? '请求无法处理' };
  }
  const e = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  if (typeof code === 'string' && DB_DOWN_CODES.has(code)) {
    return { statusCode: 503, code: 'DB_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' };
  }
  return { statusCode: 500, code: 'INTERNAL', message: '服务器开小差了，请稍后再试' };
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  const s = (error as { statusCode?: unknown })?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (reply.sent || reply.raw?.headersSent) return; // already answered (the request timeout): nothing to add
    const body = toErrorBody(error);
    if (body.statusCode >= 500) {
      this.logger.error({ err: error, method: request?.method, url: request?.url }, 'request failed');
    }
    const retry = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (body.statusCode === 429 && retry) void reply.header('retry-after', String(retry));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
