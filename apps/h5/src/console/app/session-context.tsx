import { createContext, useContext, type ReactNode } from 'react';
import type { AuthTokens, Role, SessionUser } from '@fenji/shared';

export interface SessionValue {
  user: SessionUser;
  logout: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ value, children }: { value: SessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user (inside the console layout). */
export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** What each role may do in the console: one place, so a screen never shows a button its user cannot use. */
export interface Permissions {
  role: Role;
  isHq: boolean;
  /** Reveal a masked phone (audited). */
  canReveal: boolean;
  canBulk: boolean;
  canExport: boolean;
  manageBranches: boolean;
  editRoles: boolean;
  manageContents: boolean;
  editPoolSettings: boolean;
  /** 品牌设置: the brand and contact promise on customers' pages. */
  editBrandSettings: boolean;
  viewAudit: boolean;
  /** Customers' rights requests: list, export, erase, answer (HQ only, like the API). */
  handlePrivacyRequests: boolean;
}

export function permissionsOf(user: Pick<SessionUser, 'role'>): Permissions {
  const isHq = user.role === 'hq_admin';
  const manager = isHq || user.role === 'branch_manager';
  return {
    role: user.role,
    isHq,
    canReveal: manager,
    canBulk: manager,
    canExport: manager,
    manageBranches: isHq,
    editRoles: isHq,
    manageContents: isHq,
    editPoolSettings: isHq,
    editBrandSettings: isHq,
    viewAudit: manager,
    handlePrivacyRequests: isHq,
  };
}

export function usePermissions(): Permissions {
  return permissionsOf(useSession().user);
}

export type LoggedIn = (tokens: AuthTokens) => void;
