import {
  API,
  toQueryString,
  type AssignLeadRequest,
  type BulkLeadRequest,
  type BulkLeadResponse,
  type ChangeLeadStatusRequest,
  type DoNotContactRequest,
  type DoNotContactResponse,
  type DownloadTicketResponse,
  type LeadDetailView,
  type LeadExportFormat,
  type LeadFilter,
  type LeadListItem,
  type LeadPageResponse,
  type LeadSort,
  type RevealPhoneResponse,
} from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

/** The lead pool's calls, beside the page (ant-design-pro style); every table request goes through fetchLeadPage. */
export const leadKeys = {
  all: ['leads'] as const,
  pages: ['leads', 'page'] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
  /** A phone revealed in this session (kept in the cache only, dropped after a few minutes unused). */
  revealed: (id: string) => ['leads', 'revealed', id] as const,
};

export interface LeadPageRequest {
  filter: LeadFilter;
  sort: LeadSort;
  cursor: string | null;
  limit: number;
  withTotal: boolean;
}

export function fetchLeadPage(api: ApiClient, { filter, sort, cursor, limit, withTotal }: LeadPageRequest): Promise<LeadPageResponse> {
  return api.get<LeadPageResponse>(API.leads + toQueryString({ ...filter, sort, cursor, limit, withTotal: withTotal ? '1' : undefined }));
}

export const fetchLeadDetail = (api: ApiClient, id: string) => api.get<LeadDetailView>(API.leadItem(id));
export const revealPhone = (api: ApiClient, id: string, reason: string) => api.post<RevealPhoneResponse>(API.leadReveal(id), { reason });
export const assignLead = (api: ApiClient, id: string, body: AssignLeadRequest) => api.post<LeadListItem>(API.leadAssign(id), body);
export const changeLeadStatus = (api: ApiClient, id: string, body: ChangeLeadStatusRequest) => api.post<LeadListItem>(API.leadStatus(id), body);
export const setDoNotContact = (api: ApiClient, id: string, body: DoNotContactRequest) => api.post<DoNotContactResponse>(API.leadDoNotContact(id), body);
export const bulkLeads = (api: ApiClient, body: BulkLeadRequest) => api.post<BulkLeadResponse>(API.leadBulk, body);

/** A one-time ticket, then the streamed file's URL (a browser download cannot send the Authorization header). */
export async function leadExportUrl(api: ApiClient, format: LeadExportFormat, filter: LeadFilter, sort: LeadSort): Promise<string> {
  const { ticket } = await api.post<DownloadTicketResponse>(API.downloadTickets, { purpose: 'lead_export' });
  const path = format === 'csv' ? API.leadExportCsv : API.leadExportXlsx;
  return path + toQueryString({ ...filter, sort, ticket });
}
