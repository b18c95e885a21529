import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { LABELS, type Content } from '@fenji/shared';
import { EmptyState, ErrorState, LoadingState } from '../../components/list-state';
import { PageShell } from '../../components/page-shell';
import { PAGES } from '../../config/routes';
import { useOnReconnect } from '../../hooks/use-online';
import { useRemote } from '../../hooks/use-remote';
import { ensureSession } from '../../services/auth-guard';
import { refreshDueBadge, refreshUnreadBadge } from '../../services/badge.service';
import { listContents } from '../../services/content.service';
import { formatTime } from '../../utils/format-time.util';
import { absoluteUrl } from '../../utils/url.util';
import './index.css';

/** 内容库: what HQ published, newest first; a tap opens it with its share actions. */
export default function LibraryPage() {
  const contents = useRemote<Content[]>(listContents);

  useLoad(() => {
    if (!ensureSession()) return;
    void contents.reload();
    void refreshDueBadge();
    void refreshUnreadBadge();
  });
  usePullDownRefresh(() => void contents.reload().finally(() => Taro.stopPullDownRefresh()));
  useOnReconnect(() => void contents.reload());

  const items = contents.data ?? [];

  return (
    <PageShell className='library'>
      {items.map((content) => {
        const cover = absoluteUrl(content.coverUrl);
        return (
          <View key={content.id} className='card content-item' onClick={() => void Taro.navigateTo({ url: PAGES.contentDetail(content.id) })}>
            {cover ? <Image className='content-item__cover' src={cover} mode='aspectFill' lazyLoad /> : null}
            <View className='content-item__main'>
              <View className='content-item__meta'>
                <Text className='tag'>{LABELS.contentKind[content.kind]}</Text>
                <Text className='muted'>{formatTime(content.publishedAt ?? content.updatedAt)}</Text>
              </View>
              <Text className='content-item__title'>{content.title}</Text>
              {content.summary !== '' && <Text className='content-item__summary'>{content.summary}</Text>}
            </View>
          </View>
        );
      })}
      {items.length === 0 &&
        (contents.error ? (
          <ErrorState error={contents.error} onRetry={() => void contents.reload()} />
        ) : contents.data === null || contents.loading ? (
          <LoadingState />
        ) : (
          <EmptyState title='总部还没有发布内容' hint='发布后会出现在这里，你可以一键分享给客户' />
        ))}
    </PageShell>
  );
}
