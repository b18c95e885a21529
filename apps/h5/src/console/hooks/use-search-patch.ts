import { useSearchParams } from 'react-router';

/**
 * The page's URL query and a way to change some of its keys (an empty value removes the key): filters live in the
 * URL, so a view can be bookmarked, shared and reloaded.
 */
export function useSearchPatch(): [URLSearchParams, (patch: Record<string, string | undefined>) => void, (next: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  function patch(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  }
  return [params, patch, (next) => setParams(next)];
}
