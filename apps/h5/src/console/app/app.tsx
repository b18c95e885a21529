import { useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { BRAND, type AuthTokens } from '@fenji/shared';
import { createApiClient } from '../api/api-client';
import { ApiProvider } from '../api/api-context';
import { createQueryClient } from '../api/query-client';
import { createLocalSessionStore, type SessionStore } from '../api/session-store';
import { LoginPage } from '../pages/login';
import { createConsoleRouter, type ConsoleRouterFactory } from './router';
import { SessionProvider } from './session-context';

dayjs.locale('zh-cn');

/** One theme token: the brand colour shared with the staff app and the landing pages. */
export const CONSOLE_THEME = { token: { colorPrimary: BRAND.colorPrimary } };

interface AppProps {
  session?: SessionStore;
  /** Tests pass a memory router; the browser build uses /console/ URLs. */
  createRouter?: ConsoleRouterFactory;
}

/** The HQ console: antd (zhCN), TanStack Query, react-router; the login screen until signed in. */
export function App({ session = createLocalSessionStore(), createRouter = createConsoleRouter }: AppProps) {
  const [user, setUser] = useState(() => session.get()?.user ?? null);
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  const api = useMemo(() => createApiClient({ session, onSessionExpired: () => setUser(null) }), [session]);

  function loggedIn(tokens: AuthTokens) {
    session.save(tokens);
    queryClient.clear();
    setUser(tokens.user);
  }

  function logout() {
    session.clear();
    queryClient.clear();
    setUser(null);
  }

  return (
    <ConfigProvider locale={zhCN} theme={CONSOLE_THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ApiProvider client={api}>
          <QueryClientProvider client={queryClient}>
            {user ? (
              <SessionProvider value={{ user, logout }}>
                <RouterProvider router={router} />
              </SessionProvider>
            ) : (
              <LoginPage onLoggedIn={loggedIn} />
            )}
          </QueryClientProvider>
        </ApiProvider>
      </AntApp>
    </ConfigProvider>
  );
}
