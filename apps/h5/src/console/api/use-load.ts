import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from './api-error';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload: () => void;
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/** Loads data when `key` changes; a stale answer (the key changed meanwhile) is dropped. */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (!current) return;
        setDataState(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` says when it means something else.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((update: (current: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
