import type { FormInstance, FormRule } from 'antd';
import type { z } from '@fenji/shared';

/**
 * Forms are checked by the shared zod contracts — the very schemas the API validates with — through antd's Form
 * rules, so a field shows the contract's own Chinese message as the user types.
 */
type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** Chinese wording for checks a shared schema leaves without a message (bare `.min()`, `.int()`…). */
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
      if (issue.origin === 'array') return '请至少选择一项';
      return '格式不正确';
    case 'too_big':
      if (issue.origin === 'number') return issue.inclusive === false ? `必须小于 ${issue.maximum}` : `不能大于 ${issue.maximum}`;
      if (issue.origin === 'string') return `最多 ${issue.maximum} 字`;
      return `最多 ${issue.maximum} 项`;
    case 'invalid_value':
      return '请选择';
    default:
      return '格式不正确';
  }
}

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Runs a contract schema; the first message per top-level field. */
export function parseWith<S extends z.ZodType>(schema: S, values: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(values, { error: defaultMessage });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? '_')] ??= issue.message;
  return { ok: false, errors };
}

/**
 * An antd rule for the field `name`: runs the whole schema over the form's values (mapped by `toInput`), so rules
 * across fields (提醒天数 < 回收天数) hold too, and reports this field's message.
 */
export function schemaRule<S extends z.ZodType>(schema: S, name: string, toInput: (values: Record<string, unknown>) => unknown = (v) => v): FormRule {
  return ({ getFieldsValue }) => ({
    validator: async () => {
      const parsed = parseWith(schema, toInput(getFieldsValue(true) as Record<string, unknown>));
      if (!parsed.ok && parsed.errors[name]) throw new Error(parsed.errors[name]);
    },
  });
}

/** Puts messages on fields (a failed parse or the server's `details`). */
export function showFieldErrors(form: FormInstance, errors: FieldErrors): void {
  form.setFields(Object.entries(errors).map(([name, message]) => ({ name, errors: [message] })));
}

/** Every issue with its full path (for nested fields such as `blocks[2].text`), first message per path. */
export function schemaIssues<S extends z.ZodType>(schema: S, values: unknown): Array<{ name: Array<string | number>; message: string }> {
  const result = schema.safeParse(values, { error: defaultMessage });
  if (result.success) return [];
  const seen = new Set<string>();
  const out: Array<{ name: Array<string | number>; message: string }> = [];
  for (const issue of result.error.issues) {
    const name = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const key = name.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name, message: issue.message });
  }
  return out;
}
