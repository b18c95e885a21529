import type { z } from '@fenji/shared';

export type FieldErrors = Record<string, string>;

export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/**
 * Chinese wording for the checks a shared schema leaves without a message of its own (bare `.min()`, `.int()`…);
 * a message written in the schema always wins.
 */
function defaultMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return '请填写';
      if (issue.expected === 'int') return '请输入整数';
      if (issue.expected === 'number') return '请输入数字';
      return '格式不正确';
    case 'too_small':
      if (issue.origin === 'number') return issue.inclusive === false ? `必须大于 ${issue.minimum}` : `不能小于 ${issue.minimum}`;
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '请填写' : `至少 ${issue.minimum} 字`;
      return '格式不正确';
    case 'too_big':
      if (issue.origin === 'number') return issue.inclusive === false ? `必须小于 ${issue.maximum}` : `不能大于 ${issue.maximum}`;
      if (issue.origin === 'string') return `最多 ${issue.maximum} 字`;
      return '格式不正确';
    default:
      return '格式不正确';
  }
}

/** Runs a shared contract schema on form values; the first message per top-level field. */
export function validate<S extends z.ZodType>(schema: S, values: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(values, { error: defaultMessage });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
