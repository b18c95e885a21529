import type { ErrorCode } from '@fenji/shared';

/**
 * Every user-facing failure: a stable code, an HTTP status and a Chinese message for a person.
 * The error filter turns it into the contract's `{ statusCode, code, message, details? }`.
 */
export class AppException extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static badRequest(code: ErrorCode, message: string, details?: unknown): AppException {
    return new AppException(400, code, message, details);
  }
  static unauthorized(code: ErrorCode, message: string): AppException {
    return new AppException(401, code, message);
  }
  static forbidden(message = '没有权限执行此操作'): AppException {
    return new AppException(403, 'FORBIDDEN', message);
  }
  static notFound(code: ErrorCode, message: string): AppException {
    return new AppException(404, code, message);
  }
  static conflict(code: ErrorCode, message: string): AppException {
    return new AppException(409, code, message);
  }
  static rateLimited(retryAfterSeconds: number): AppException {
    return new AppException(429, 'RATE_LIMITED', '操作太频繁，请稍后再试', { retryAfterSeconds });
  }
}
