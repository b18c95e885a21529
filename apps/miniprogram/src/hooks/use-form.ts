import { useCallback, useRef, useState } from 'react';
import type { z } from '@fenji/shared';
import { ApiError } from '../services/api-error';
import { fieldErrors, type FieldErrors } from '../utils/form-errors.util';

export interface Form<Out, K extends string> {
  /** The first message per field of the last failed check. */
  errors: FieldErrors<K>;
  /** The server's message of the last failed submit (also toasted by the request wrapper). */
  formError: string;
  busy: boolean;
  /**
   * Checks `input` against the schema; on success runs `action` with the parsed value (once at a time) and
   * resolves true, otherwise shows the field errors and resolves false. A failed action keeps the form as it was.
   */
  submit: (input: unknown, action: (value: Out) => Promise<void>) => Promise<boolean>;
  /** Checks `input` only (before asking for confirmation): the parsed value, or null with the field errors shown. */
  check: (input: unknown) => Out | null;
  setErrors: (errors: FieldErrors<K>) => void;
  reset: () => void;
}

/**
 * The state every form of the app repeats: field errors from the shared zod contract, a busy flag that blocks a
 * second tap, and the server's message when the call fails.
 */
export function useForm<Out, K extends string = string>(schema: z.ZodType<Out>): Form<Out, K> {
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const running = useRef(false);

  const check = useCallback(
    (input: unknown): Out | null => {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        setErrors(fieldErrors<K>(parsed.error));
        return null;
      }
      setErrors({});
      return parsed.data;
    },
    [schema],
  );

  const submit = useCallback(
    async (input: unknown, action: (value: Out) => Promise<void>) => {
      if (running.current) return false;
      const value = check(input);
      if (value === null) return false;
      setFormError('');
      running.current = true;
      setBusy(true);
      try {
        await action(value);
        return true;
      } catch (error) {
        setFormError(error instanceof ApiError ? error.message : '操作失败，请重试');
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [check],
  );

  const reset = useCallback(() => {
    setErrors({});
    setFormError('');
  }, []);

  return { errors, formError, busy, submit, check, setErrors, reset };
}
