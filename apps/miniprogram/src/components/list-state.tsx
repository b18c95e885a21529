import { Button, Text, View } from '@tarojs/components';
import type { PagedList } from '../hooks/use-paged-list';
import type { ApiError } from '../services/api-error';

/** A failed load: what went wrong in words and a way to try again. Never an empty list. */
export function ErrorState({ error, onRetry, compact }: { error: ApiError; onRetry: () => void; compact?: boolean }) {
  const offline = error.code === 'NETWORK_ERROR';
  return (
    <View className={`state state--error${compact ? ' state--compact' : ''}`}>
      <Text className='state__title'>{offline ? '网络不可用' : '加载失败'}</Text>
      <Text className='state__message'>{error.message}</Text>
      <Button className='btn-plain state__retry' size='mini' onClick={onRetry}>
        重试
      </Button>
    </View>
  );
}

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='state state--loading'>
      <View className='state__spinner' />
      <Text className='muted'>{text}</Text>
    </View>
  );
}

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <View className='state state--empty'>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__message'>{hint}</Text> : null}
    </View>
  );
}

/**
 * A single resource that has not arrived: loading, its error with a retry, or — for a 404 — what is missing, in words.
 */
export function RemoteState({ error, onRetry, notFound }: { error: ApiError | null; onRetry: () => void; notFound?: string }) {
  if (!error) return <LoadingState />;
  if (notFound && error.statusCode === 404) return <EmptyState title={notFound} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}

interface ListStateProps {
  list: Pick<PagedList<unknown>, 'items' | 'loading' | 'loaded' | 'error' | 'nextCursor' | 'reload' | 'loadMore'>;
  /** What an empty list means here, and what to do about it. */
  empty: { title: string; hint?: string };
}

/**
 * Everything around a paged list's rows: the first load, a failed load (with retry), the empty state, and the
 * footer (加载更多 / 没有更多了, or a failed next page).
 */
export function ListState({ list, empty }: ListStateProps) {
  const { items, loading, loaded, error, nextCursor } = list;
  const retry = () => void list.reload();
  const more = () => void list.loadMore();
  if (items.length === 0) {
    if (error) return <ErrorState error={error} onRetry={retry} />;
    if (!loaded || loading) return <LoadingState />;
    return <EmptyState title={empty.title} hint={empty.hint} />;
  }
  return (
    <View className='list-footer'>
      {error ? (
        <ErrorState error={error} onRetry={nextCursor ? more : retry} compact />
      ) : nextCursor ? (
        <Button className='btn-plain' loading={loading} disabled={loading} onClick={more}>
          加载更多
        </Button>
      ) : (
        <Text className='muted'>没有更多了</Text>
      )}
    </View>
  );
}
