import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AuthTokens } from '@fenji/shared';
import { createApiClient } from '../api/api-client';
import { ApiProvider } from '../api/api-context';
import type { SessionStore } from '../api/session-store';

export function buildSession(overrides: Partial<AuthTokens> = {}): AuthTokens {
  return {
    accessToken: 'access-token-1',
    refreshToken: 'refresh-token-1',
    user: { id: 'u1', name: '总部小周', role: 'hq_admin', branchId: null },
    ...overrides,
  };
}

export function memorySessionStore(initial: AuthTokens | null = buildSession()): SessionStore {
  let current = initial;
  return {
    get: () => current,
    save: (session) => {
      current = session;
    },
    clear: () => {
      current = null;
    },
  };
}

/** Renders a page with a real ApiClient (over the mocked fetch) and a signed-in session. */
export function renderWithApi(ui: ReactElement, session: SessionStore = memorySessionStore()) {
  const onSessionExpired = () => undefined;
  const client = createApiClient({ session, onSessionExpired });
  return { session, ...render(<ApiProvider client={client}>{ui}</ApiProvider>) };
}
