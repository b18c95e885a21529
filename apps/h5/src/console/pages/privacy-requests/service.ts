import { API, toQueryString, type ClosePrivacyRequest, type PrivacyRequest, type PrivacyRequestList, type PrivacyRequestStatus, type PrivacySubject } from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

export const privacyRequestKeys = { all: ['privacy-requests'] as const };
export const fetchPrivacyRequests = (api: ApiClient, status: PrivacyRequestStatus | undefined) => api.get<PrivacyRequestList>(API.privacyRequests + toQueryString({ status }));
export const closePrivacyRequest = (api: ApiClient, id: string, body: ClosePrivacyRequest) => api.post<PrivacyRequest>(API.privacyRequestDone(id), body);
export const fetchSubject = (api: ApiClient, phone: string) => api.get<PrivacySubject>(API.privacySubjects + toQueryString({ phone }));
