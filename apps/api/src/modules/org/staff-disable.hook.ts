import type { AuthUser } from '../../core/auth/auth-user';

/** What happens to a staff member's leads when they are disabled; provided by the lead module. */
export abstract class StaffDisableHook {
  /** Hands their private leads to `toStaffId`, or to the public pool when null; returns how many moved. */
  abstract handOverLeads(actor: AuthUser, staffId: string, toStaffId: string | null, ip: string): Promise<number>;
}
