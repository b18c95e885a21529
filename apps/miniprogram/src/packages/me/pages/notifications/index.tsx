import Taro, { useLoad, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { NOTIFICATION_LABELS, type NotificationItem } from '@fenji/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/list-state';
import { PageShell } from '../../../../components/page-shell';
import { PAGES } from '../../../../config/routes';
import { useOnReconnect } from '../../../../hooks/use-online';
import { useRemote } from '../../../../hooks/use-remote';
import { ensureSession } from '../../../../services/auth-guard';
import { refreshUnreadBadge } from '../../../../services/badge.service';
import { dismissNotification, listNotifications, markAllRead, markRead } from '../../../../services/notification.service';
import { formatTime } from '../../../../utils/format-time.util';
import './index.css';

/**
 * 我的通知: recycle warnings, assignments, new leads… Tapping one marks it read and opens its lead (a recycled lead
 * is in the public pool: nothing of it to open); × dismisses it for good.
 */
export default function NotificationsPage() {
  const notices = useRemote<NotificationItem[]>(listNotifications);

  useLoad(() => {
    if (ensureSession()) void notices.reload();
  });
  usePullDownRefresh(() => void notices.reload().finally(() => Taro.stopPullDownRefresh()));
  useOnReconnect(() => void notices.reload());

  const stamp = (ids: string[]) => {
    const at = new Date().toISOString();
    notices.setData((prev) => prev && prev.map((n) => (ids.includes(n.id) && !n.readAt ? { ...n, readAt: at } : n)));
  };

  const open = (notice: NotificationItem) => {
    if (!notice.readAt) {
      stamp([notice.id]);
      markRead(notice.id).then(() => refreshUnreadBadge(), () => undefined);
    }
    if (notice.leadId && notice.kind !== 'recycled') void Taro.navigateTo({ url: PAGES.leadDetail(notice.leadId) });
  };

  const dismiss = async (notice: NotificationItem) => {
    try {
      await dismissNotification(notice.id);
      notices.setData((prev) => prev && prev.filter((n) => n.id !== notice.id));
      void refreshUnreadBadge();
    } catch {
      // The request wrapper has shown why.
    }
  };

  const readAll = async () => {
    try {
      await markAllRead();
      stamp((notices.data ?? []).map((n) => n.id));
      void refreshUnreadBadge();
    } catch {
      // The request wrapper has shown why.
    }
  };

  const items = notices.data ?? [];
  const unread = items.filter((n) => !n.readAt).length;
  const now = new Date();

  return (
    <PageShell className='notifications'>
      {unread > 0 && (
        <View className='notifications__bar'>
          <Text className='muted'>{unread} 条未读</Text>
          <Button className='notifications__read-all' size='mini' onClick={() => void readAll()}>
            全部已读
          </Button>
        </View>
      )}
      {items.map((notice) => (
        <View key={notice.id} className={`card notice-item notice-item--${notice.kind}${notice.readAt ? ' notice-item--read' : ''}`}>
          <View className='notice-item__body' onClick={() => open(notice)}>
            <View className='notice-item__head'>
              {!notice.readAt && <View className='notice-item__dot' />}
              <Text className={`tag notice-item__kind notice-item__kind--${notice.kind}`}>{NOTIFICATION_LABELS[notice.kind]}</Text>
              <Text className='muted'>{formatTime(notice.createdAt, now)}</Text>
            </View>
            <Text className='notice-item__message'>{notice.message}</Text>
          </View>
          <Text className='notice-item__dismiss' onClick={() => void dismiss(notice)}>
            ×
          </Text>
        </View>
      ))}
      {items.length === 0 &&
        (notices.error ? (
          <ErrorState error={notices.error} onRetry={() => void notices.reload()} />
        ) : notices.data === null || notices.loading ? (
          <LoadingState />
        ) : (
          <EmptyState title='没有通知' hint='客户即将回收、有新分配或新客户留资时会通知你' />
        ))}
    </PageShell>
  );
}
