import { useSyncExternalStore } from 'react';
import { toQueryString } from '@fenji/shared';

/** `#/leads/abc?status=new` → `{ path: '/leads/abc', params }`. Views live in the hash so they can be shared. */
export interface HashRoute {
  path: string;
  params: URLSearchParams;
}

export function parseHash(hash: string): HashRoute {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q >= 0 ? raw.slice(0, q) : raw) || '/';
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '') };
}

export function buildHash(path: string, params: Record<string, string | undefined> = {}): string {
  return `#${path}${toQueryString(params)}`;
}

export function navigate(path: string, params?: Record<string, string | undefined>): void {
  window.location.hash = buildHash(path, params);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
