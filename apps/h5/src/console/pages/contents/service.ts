import {
  API,
  toQueryString,
  type ContentAdmin,
  type ContentAdminListQuery,
  type ContentAdminListResponse,
  type ContentCategory,
  type ContentCategoryListResponse,
  type ContentDraft,
  type ContentPreviewResponse,
  type ContentStatusRequest,
  type UpdateContentDraft,
  type UploadResponse,
} from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

/** 内容's calls (the list, categories, the editor, uploads and the preview). */
export const contentKeys = {
  all: ['contents'] as const,
  list: ['contents', 'admin'] as const,
  item: (id: string) => ['contents', 'item', id] as const,
  categories: ['contents', 'categories'] as const,
  preview: (draft: unknown) => ['contents', 'preview', draft] as const,
};

export const fetchContentPage = (api: ApiClient, query: ContentAdminListQuery) => api.get<ContentAdminListResponse>(API.contentsAdmin + toQueryString(query));
export const fetchContent = (api: ApiClient, id: string) => api.get<ContentAdmin>(API.contentItem(id));
export const createContent = (api: ApiClient, body: ContentDraft) => api.post<ContentAdmin>(API.contents, body);
export const updateContent = (api: ApiClient, id: string, body: UpdateContentDraft) => api.patch<ContentAdmin>(API.contentItem(id), body);
export const setContentStatus = (api: ApiClient, id: string, body: ContentStatusRequest) => api.post<ContentAdmin>(API.contentStatus(id), body);
export const previewContent = (api: ApiClient, draft: ContentDraft) => api.post<ContentPreviewResponse>(API.contentPreview, draft);

export const fetchCategories = (api: ApiClient) => api.get<ContentCategoryListResponse>(API.contentCategories);
export const createCategory = (api: ApiClient, name: string) => api.post<ContentCategory>(API.contentCategories, { name });
export const renameCategory = (api: ApiClient, id: string, name: string) => api.patch<ContentCategory>(API.contentCategoryItem(id), { name });
export const deleteCategory = (api: ApiClient, id: string) => api.delete(API.contentCategoryItem(id));

export function uploadImage(api: ApiClient, file: File): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', file);
  return api.upload<UploadResponse>(API.uploads, form);
}
