import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../services/api-error';

export interface Remote<T> {
  data: T | null;
  /** The last load's failure; null after a success. Never shown as "empty". */
  error: ApiError | null;
  /** True while a load is under way. */
  loading: boolean;
  /** (Re)loads; a failure keeps the data it had. Resolves when done, never rejects. */
  reload: () => Promise<void>;
  /** Replace the data locally (after a save that answered with the new value). */
  setData: (update: T | null | ((prev: T | null) => T | null)) => void;
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError({ statusCode: 0, code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' });

/**
 * One resource loaded from the API with its loading and error states. Call `reload` from the page's lifecycle
 * (`useLoad`, `useDidShow`, pull-down); an answer to an older load is dropped when a newer one started.
 */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const reload = useCallback(async () => {
    const id = ++latest.current;
    setLoading(true);
    try {
      const value = await loader.current();
      if (id !== latest.current) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (id === latest.current) setError(asApiError(e));
    } finally {
      if (id === latest.current) setLoading(false);
    }
  }, []);

  return { data, error, loading, reload, setData };
}
