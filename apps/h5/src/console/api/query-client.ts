import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

/**
 * Server state for the whole console. A 4xx answer is final (retrying a 404 or a 403 only delays the error
 * state); network failures and 5xx are retried once.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Lists refetch whenever a screen shows them again (cached rows show meanwhile); lookups set their own.
        staleTime: 0,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.statusCode >= 400 && error.statusCode < 500),
      },
      mutations: { retry: false },
    },
  });
}
