import { PipeTransform } from '@nestjs/common';
import { FIELD_ERROR_CODES, type ErrorCode, type z } from '@fenji/shared';
import { AppException } from '../errors/app.exception';

/** Validates a body or query against a shared zod schema; the first failing field decides the error code. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    const first = result.error.issues[0];
    const field = first ? String(first.path[0] ?? '') : '';
    const code: ErrorCode = FIELD_ERROR_CODES[field] ?? 'VALIDATION_FAILED';
    const message = code === 'VALIDATION_FAILED' ? `${first?.message ?? '请求格式不正确'}${field ? `（${field}）` : ''}` : (first?.message ?? '');
    throw AppException.badRequest(code, message, { issues });
  }
}
