import { z } from 'zod';
import { ROLES } from './enums';
import { branchSchema, createBranchRequestSchema, staffSchema, updateStaffRequestSchema } from './org.schema';

/** Organisation administration beyond the contract's create routes. */

/** `PATCH /api/branches/:id` (hq_admin) → Branch; 409 BRANCH_NAME_TAKEN. */
export const updateBranchRequestSchema = createBranchRequestSchema;
export type UpdateBranchRequest = z.infer<typeof updateBranchRequestSchema>;

/**
 * `GET /api/branches?withCounts=1` (hq_admin, branch_manager) → BranchSummary[]. A branch can be deleted
 * (`DELETE /api/branches/:id` → 204) only when it has no staff and no leads: otherwise 409 BRANCH_NOT_EMPTY with
 * `details: { staff, leads }`.
 */
export const branchSummarySchema = branchSchema.extend({
  staffCount: z.number().int().min(0),
  activeStaffCount: z.number().int().min(0),
  leadCount: z.number().int().min(0),
});
export type BranchSummary = z.infer<typeof branchSummarySchema>;

export const branchListQuerySchema = z.object({ withCounts: z.enum(['0', '1']).optional() });
export type BranchListQuery = z.infer<typeof branchListQuerySchema>;

/** `PATCH /api/staff/:id` as the console sends it: the contract's fields plus `role` (hq_admin only; branch managers may not change roles). */
export const updateStaffAdminRequestSchema = updateStaffRequestSchema.extend({
  name: z.string({ error: '请输入姓名' }).trim().min(1, { message: '请输入姓名' }).max(40, { message: '姓名最多 40 字' }).optional(),
  role: z.enum(ROLES, { error: '角色不正确' }).optional(),
});
export type UpdateStaffAdminRequest = z.infer<typeof updateStaffAdminRequestSchema>;

/** `GET /api/staff/:id/handover-preview`: what disabling this staff member would move. */
export const handoverPreviewSchema = z.object({
  /** Private leads (not converted or lost) that go to the successor or the public pool. */
  privateLeads: z.number().int().min(0),
  /** Of those, leads with a follow-up planned. */
  withPlannedFollowUp: z.number().int().min(0),
});
export type HandoverPreview = z.infer<typeof handoverPreviewSchema>;

/** The PATCH answer when it disabled someone: the staff member, and what was handed over. */
export const staffUpdateResponseSchema = staffSchema.extend({
  handover: z
    .object({ leads: z.number().int().min(0), toStaffId: z.string().nullable(), toStaffName: z.string().nullable() })
    .optional(),
});
export type StaffUpdateResponse = z.infer<typeof staffUpdateResponseSchema>;

/**
 * The invite as a link: the staff app opens its login on the activation tab with the code filled in.
 * `origin` is where the staff app is served (the console's own origin in a single deployment).
 */
export const STAFF_APP_PATH = '/app/';
export function staffInviteUrl(origin: string, inviteCode: string): string {
  return `${origin.replace(/\/$/, '')}${STAFF_APP_PATH}#/pages/login/index?invite=${encodeURIComponent(inviteCode)}`;
}
