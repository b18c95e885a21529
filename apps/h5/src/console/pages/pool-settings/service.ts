import { API, type PoolSettings, type RecycleRunResult } from '@fenji/shared';
import type { ApiClient } from '../../api/api-client';

export const poolSettingsKey = ['pool-settings'] as const;
export const fetchPoolSettings = (api: ApiClient) => api.get<PoolSettings>(API.poolSettings);
export const savePoolSettings = (api: ApiClient, body: PoolSettings) => api.put<PoolSettings>(API.poolSettings, body);
export const runRecycle = (api: ApiClient) => api.post<RecycleRunResult>(API.recycleJob);
