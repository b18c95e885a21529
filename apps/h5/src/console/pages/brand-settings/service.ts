import { API, type BrandSettingsAdmin, type UpdateBrandSettingsRequest } from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

export const brandSettingsKey = ['brand-settings'] as const;
export const fetchBrandSettings = (api: ApiClient) => api.get<BrandSettingsAdmin>(API.brandSettings);
export const saveBrandSettings = (api: ApiClient, body: UpdateBrandSettingsRequest) => api.put<BrandSettingsAdmin>(API.brandSettings, body);
