import { z } from 'zod';
import { ROLES, STAFF_STATUSES } from './enums';
import { phoneSchema } from './auth.schema';

export const idSchema = z.string().regex(/^[0-9A-Za-z]{1,40}$/, { message: 'id 格式不正确' });

export const createBranchRequestSchema = z.object({
  name: z.string({ error: '请输入名称' }).trim().min(1, { message: '请输入名称' }).max(60, { message: '名称最多 60 字' }),
});
export type CreateBranchRequest = z.infer<typeof createBranchRequestSchema>;

export const branchSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type Branch = z.infer<typeof branchSchema>;

export const createStaffRequestSchema = z.object({
  name: z.string({ error: '请输入姓名' }).trim().min(1, { message: '请输入姓名' }).max(40, { message: '姓名最多 40 字' }),
  phone: phoneSchema,
  role: z.enum(ROLES, { error: '角色不正确' }),
  branchId: idSchema.nullable().optional(),
});
export type CreateStaffRequest = z.infer<typeof createStaffRequestSchema>;

export const updateStaffRequestSchema = z.object({
  status: z.enum(STAFF_STATUSES).optional(),
  /** With status 'disabled': who takes over their private leads; null or absent sends them to the public pool. */
  handoverToStaffId: idSchema.nullable().optional(),
  name: z.string().trim().min(1).max(40).optional(),
  branchId: idSchema.nullable().optional(),
});
export type UpdateStaffRequest = z.infer<typeof updateStaffRequestSchema>;

export const staffSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  role: z.enum(ROLES),
  branchId: z.string().nullable(),
  status: z.enum(STAFF_STATUSES),
  activated: z.boolean(),
  wechatBound: z.boolean(),
  /** Present while the invite is unused: HQ hands it to the staff member. */
  inviteCode: z.string().nullable(),
  createdAt: z.string(),
});
export type Staff = z.infer<typeof staffSchema>;
