import { Spin } from 'antd';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ConsoleLayout } from './console-layout';
import { RouteError } from './route-error';

/**
 * Every page is its own chunk (loaded when first visited), so the first screen ships only the layout.
 * The lead drawer is a child route of the list it opens from, so the list's filters stay in the URL behind it.
 */
const leadDrawer: RouteObject = {
  path: ':leadId',
  lazy: () => import('../pages/leads/detail').then((m) => ({ Component: m.LeadDrawerRoute })),
};

export const CONSOLE_ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <ConsoleLayout />,
    errorElement: <RouteError />,
    // Shown while the first page's chunk loads.
    hydrateFallbackElement: <Spin style={{ display: 'block', marginTop: 120 }} />,
    children: [
      { index: true, element: <Navigate to="/leads" replace /> },
      { path: 'dashboard', lazy: () => import('../pages/dashboard').then((m) => ({ Component: m.DashboardPage })) },
      { path: 'leads', lazy: () => import('../pages/leads').then((m) => ({ Component: m.LeadPoolPage })), children: [leadDrawer] },
      { path: 'pool', lazy: () => import('../pages/leads').then((m) => ({ Component: m.PublicPoolPage })), children: [leadDrawer] },
      { path: 'collisions', lazy: () => import('../pages/collisions').then((m) => ({ Component: m.CollisionsPage })), children: [leadDrawer] },
      { path: 'contents', lazy: () => import('../pages/contents').then((m) => ({ Component: m.ContentsPage })) },
      { path: 'contents/new', lazy: () => import('../pages/contents/editor').then((m) => ({ Component: m.ContentEditorPage })) },
      { path: 'contents/:contentId/edit', lazy: () => import('../pages/contents/editor').then((m) => ({ Component: m.ContentEditorPage })) },
      { path: 'org', lazy: () => import('../pages/org').then((m) => ({ Component: m.OrgPage })) },
      { path: 'audit', lazy: () => import('../pages/audit').then((m) => ({ Component: m.AuditPage })) },
      { path: 'brand-settings', lazy: () => import('../pages/brand-settings').then((m) => ({ Component: m.BrandSettingsPage })) },
      { path: 'privacy-requests', lazy: () => import('../pages/privacy-requests').then((m) => ({ Component: m.PrivacyRequestsPage })) },
      { path: 'pool-settings', lazy: () => import('../pages/pool-settings').then((m) => ({ Component: m.PoolSettingsPage })) },
      { path: '*', lazy: () => import('./not-found').then((m) => ({ Component: m.NotFoundPage })) },
    ],
  },
];

export type ConsoleRouter = ReturnType<typeof createBrowserRouter>;
export type ConsoleRouterFactory = () => ConsoleRouter;

/** URLs under /console/ (the API serves index.html for every console path). */
export const createConsoleRouter: ConsoleRouterFactory = () => createBrowserRouter(CONSOLE_ROUTES, { basename: '/console' });
