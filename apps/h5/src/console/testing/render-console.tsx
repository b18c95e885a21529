import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import type { AuthTokens, SessionUser } from '@fenji/shared';
import { App } from '../app/app';
import { CONSOLE_ROUTES } from '../app/router';
import type { SessionStore } from '../api/session-store';

export function buildSession(overrides: Partial<AuthTokens> = {}, user: Partial<SessionUser> = {}): AuthTokens {
  return {
    accessToken: 'access-token-1',
    refreshToken: 'refresh-token-1',
    user: { id: 'u1', name: '总部小周', role: 'hq_admin', branchId: null, ...user },
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

export const BRANCH_MANAGER = buildSession({}, { id: 'm1', name: '陈店长', role: 'branch_manager', branchId: 'b1' });

/**
 * The whole console (providers, layout, lazy routes) at `path`, over the mocked fetch, signed in as `session`.
 * Returns the memory router so a test can read the URL.
 */
export function renderConsole(path: string, session: SessionStore = memorySessionStore()) {
  let router!: ReturnType<typeof createMemoryRouter>;
  const view = render(
    <App
      session={session}
      createRouter={() => {
        router = createMemoryRouter(CONSOLE_ROUTES, { initialEntries: [path] });
        return router as never;
      }}
    />,
  );
  return { ...view, session, router, url: () => `${router.state.location.pathname}${router.state.location.search}` };
}

/**
 * The button with this text (role queries walk antd's whole accessibility tree and are slow in jsdom; text is
 * what a person reads).
 */
export function button(text: string | RegExp, container: ParentNode = document.body): HTMLButtonElement {
  const matches = [...container.querySelectorAll('button')].filter((b) => {
    const label = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim();
    return typeof text === 'string' ? label === text || b.textContent?.trim() === text : text.test(label);
  });
  if (matches.length !== 1) throw new Error(`expected one button “${String(text)}”, found ${matches.length}`);
  return matches[0]!;
}

/** The open dialog whose title is `title` (the last one opened when several match). */
export function dialog(title?: string): HTMLElement {
  const all = [...document.querySelectorAll<HTMLElement>('[role="dialog"]')].filter((d) => !title || d.textContent?.includes(title));
  if (!all.length) throw new Error(`no dialog${title ? ` “${title}”` : ''}`);
  return all[all.length - 1]!;
}
