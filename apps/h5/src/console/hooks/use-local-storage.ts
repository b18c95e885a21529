import { useCallback, useState } from 'react';

/** A small preference kept in localStorage (column settings, page size); bad or missing values fall back. */
export function useLocalStorage<T>(key: string, fallback: T, isValid: (value: unknown) => value is T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
      return isValid(stored) ? stored : fallback;
    } catch {
      return fallback;
    }
  });
  const save = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.localStorage.setItem(key, JSON.stringify(next));
      } catch {
        /* private mode: keep it for this page only */
      }
    },
    [key],
  );
  return [value, save];
}
