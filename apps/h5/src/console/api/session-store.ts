import type { AuthTokens, SessionUser } from '@fenji/shared';

export type Session = AuthTokens;

/** The console's session (tokens and the signed-in user), kept in localStorage under one key. */
export const SESSION_STORAGE_KEY = 'fenji.console.session';

export interface SessionStore {
  get(): Session | null;
  save(session: Session): void;
  clear(): void;
}

function isSession(value: unknown): value is Session {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<Session> & { user?: Partial<SessionUser> };
  return typeof v.accessToken === 'string' && typeof v.refreshToken === 'string' && typeof v.user?.name === 'string';
}

export function createLocalSessionStore(storage: Storage = window.localStorage): SessionStore {
  return {
    get() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? 'null');
        return isSession(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(session) {
      storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    },
    clear() {
      storage.removeItem(SESSION_STORAGE_KEY);
    },
  };
}
