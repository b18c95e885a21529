import type { ReactNode } from 'react';
import { Empty, Skeleton } from 'antd';
import { ErrorState } from '../../../components/list-states';

interface QueryLike {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** A module's state while it has nothing to draw: loading, error (never shown as empty), or empty. */
export function moduleState(query: QueryLike, empty: boolean, emptyText = '所选时间段内没有数据'): ReactNode | null {
  if (query.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (query.error) return <ErrorState error={query.error} onRetry={query.refetch} />;
  if (empty) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return null;
}
