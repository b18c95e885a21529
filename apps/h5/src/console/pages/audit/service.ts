import { API, toQueryString, type AuditListQuery, type AuditListResponse } from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

export const auditKeys = { all: ['audit'] as const };
export const fetchAuditPage = (api: ApiClient, query: AuditListQuery) => api.get<AuditListResponse>(API.auditLogs + toQueryString(query));
