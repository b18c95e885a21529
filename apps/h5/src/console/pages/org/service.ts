import {
  API,
  type Branch,
  type CreateStaffRequest,
  type HandoverPreview,
  type Staff,
  type StaffUpdateResponse,
  type UpdateStaffAdminRequest,
} from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

/** 门店与员工's calls. */
export const createBranch = (api: ApiClient, name: string) => api.post<Branch>(API.branches, { name });
export const renameBranch = (api: ApiClient, id: string, name: string) => api.patch<Branch>(API.branchItem(id), { name });
export const deleteBranch = (api: ApiClient, id: string) => api.delete(API.branchItem(id));
export const createStaff = (api: ApiClient, body: CreateStaffRequest) => api.post<Staff>(API.staff, body);
export const updateStaff = (api: ApiClient, id: string, body: UpdateStaffAdminRequest) => api.patch<StaffUpdateResponse>(API.staffItem(id), body);
export const reissueInvite = (api: ApiClient, id: string) => api.post<Staff>(API.staffInvite(id));
export const fetchHandoverPreview = (api: ApiClient, id: string) => api.get<HandoverPreview>(API.staffHandoverPreview(id));
