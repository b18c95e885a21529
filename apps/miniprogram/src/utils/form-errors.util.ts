import type { z } from '@fenji/shared';

/** The first message per top-level field of a failed zod parse, for showing under each input. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const result: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && result[key] === undefined) result[key] = issue.message;
  }
  return result as FieldErrors<K>;
}
