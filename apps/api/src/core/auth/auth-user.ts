import type { Role } from '@fenji/shared';

/** The signed-in person a request acts for. */
export interface AuthUser {
  id: string;
  name: string;
  role: Role;
  branchId: string | null;
}
