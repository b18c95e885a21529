import type { ReactNode } from 'react';
import { Alert, Button, Empty, Skeleton } from 'antd';
import { errorMessage } from '../api/api-error';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** A failed request: what went wrong, in the server's words, and 重试. Never shown as "empty". */
export function ErrorState({ error, onRetry, title = '加载失败' }: { error: unknown; onRetry?: () => unknown; title?: string }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={errorMessage(error)}
      action={
        onRetry ? (
          <Button size="small" onClick={() => void onRetry()}>
            重试
          </Button>
        ) : undefined
      }
    />
  );
}

/** What a table shows when it has no rows: the error (with 重试) when the request failed, else "empty". */
export function tableEmptyText(query: Pick<QueryLike<unknown>, 'error' | 'refetch'>, empty: string): ReactNode {
  return query.error ? <ErrorState error={query.error} onRetry={query.refetch} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
}

interface QueryViewProps<T> {
  query: QueryLike<T>;
  /** Shown when `isEmpty(data)`. */
  empty?: string;
  isEmpty?: (data: T) => boolean;
  /** Rows of the loading skeleton. */
  rows?: number;
  children: (data: T) => ReactNode;
}

/** Loading, error, empty and loaded states of one query, for anything that is not a table. */
export function QueryView<T>({ query, empty = '暂无数据', isEmpty, rows = 3, children }: QueryViewProps<T>) {
  if (query.isPending) return <Skeleton active paragraph={{ rows }} />;
  if (query.error || query.data === undefined) return <ErrorState error={query.error} onRetry={query.refetch} />;
  if (isEmpty?.(query.data)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return <>{children(query.data)}</>;
}
