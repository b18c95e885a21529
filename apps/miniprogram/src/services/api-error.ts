import type { ErrorBody } from '@fenji/shared';

/** Codes the client itself produces, beside the API's own `ERROR_CODES`. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  invalidResponse: 'INVALID_RESPONSE',
} as const;

/** A failed API call, always in the contract's error shape `{ statusCode, code, message, details? }`. */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details?: unknown;

  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    if (body.details !== undefined) this.details = body.details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { statusCode: this.statusCode, code: this.code, message: this.message };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

/** The message to show for a failure whose body is not in the contract's shape. */
export function fallbackError(statusCode: number): ErrorBody {
  if (statusCode === 0) return { statusCode, code: CLIENT_ERROR_CODES.network, message: '网络异常，请检查网络后重试' };
  if (statusCode === 401) return { statusCode, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' };
  if (statusCode === 403) return { statusCode, code: 'FORBIDDEN', message: '没有权限进行此操作' };
  if (statusCode === 404) return { statusCode, code: 'NOT_FOUND', message: '内容不存在或已删除' };
  if (statusCode === 429) return { statusCode, code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' };
  if (statusCode >= 500) return { statusCode, code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' };
  return { statusCode, code: 'VALIDATION_FAILED', message: `请求失败（${statusCode}）` };
}
