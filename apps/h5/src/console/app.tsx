import { useMemo, useState } from 'react';
import { LABELS, type AuthTokens } from '@fenji/shared';
import { createApiClient } from './api/api-client';
import { ApiProvider } from './api/api-context';
import { createLocalSessionStore, type SessionStore } from './api/session-store';
import { CollisionsPage } from './pages/collisions/collisions-page';
import { ContentPage } from './pages/content/content-page';
import { LeadDetailPage } from './pages/leads/lead-detail-page';
import { filtersFromParams } from './pages/leads/lead-filters';
import { LeadPoolPage, leadListBack } from './pages/leads/lead-pool-page';
import { LoginPage } from './pages/login-page';
import { OrgPage } from './pages/org/org-page';
import { PoolSettingsPage } from './pages/pool-settings/pool-settings-page';
import { parseHash, useHash } from './routing/hash-route';

const NAV = [
  { path: '/org', label: '门店与员工', hqOnly: false },
  { path: '/contents', label: '内容', hqOnly: true },
  { path: '/leads', label: '线索池', hqOnly: false },
  { path: '/pool', label: '公海', hqOnly: false },
  { path: '/collisions', label: '撞单', hqOnly: false },
  { path: '/pool-settings', label: '公海规则', hqOnly: true },
] as const;

/** The HQ console: login, then 门店与员工 / 内容 / 线索池 / 公海 / 撞单 / 公海规则 under hash routes. */
export function App({ session = createLocalSessionStore() }: { session?: SessionStore }) {
  const [user, setUser] = useState(() => session.get()?.user ?? null);
  const api = useMemo(() => createApiClient({ session, onSessionExpired: () => setUser(null) }), [session]);
  const hash = useHash();

  function loggedIn(tokens: AuthTokens) {
    session.save(tokens);
    setUser(tokens.user);
  }

  function logout() {
    session.clear();
    setUser(null);
  }

  if (!user) {
    return (
      <ApiProvider client={api}>
        <LoginPage onLoggedIn={loggedIn} />
      </ApiProvider>
    );
  }

  const route = parseHash(hash);
  const isHq = user.role === 'hq_admin';
  const nav = NAV.filter((item) => isHq || !item.hqOnly);
  const leadMatch = /^\/leads\/([^/]+)$/.exec(route.path);
  const filters = filtersFromParams(route.params);

  let page;
  if (leadMatch) page = <LeadDetailPage leadId={decodeURIComponent(leadMatch[1] ?? '')} />;
  else if (route.path === '/org') page = <OrgPage />;
  else if (route.path === '/contents' && isHq) page = <ContentPage />;
  else if (route.path === '/pool') page = <LeadPoolPage key="public" mode="public" filters={filters} />;
  else if (route.path === '/collisions') page = <CollisionsPage />;
  else if (route.path === '/pool-settings' && isHq) page = <PoolSettingsPage />;
  else page = <LeadPoolPage key="all" filters={filters} />;
  const current = leadMatch ? leadListBack().path : (nav.find((item) => item.path === route.path)?.path ?? '/leads');

  return (
    <ApiProvider client={api}>
      <header className="topbar">
        <span className="brand">分机 · 总部控制台</span>
        <nav>
          {nav.map((item) => (
            <a key={item.path} href={`#${item.path}`} aria-current={item.path === current ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <span className="user">
          {user.name}
          <small>{LABELS.role[user.role]}</small>
          <button type="button" onClick={logout}>
            退出
          </button>
        </span>
      </header>
      <main className="page">{page}</main>
    </ApiProvider>
  );
}
