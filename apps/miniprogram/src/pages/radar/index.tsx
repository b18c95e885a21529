import { useState } from 'react';
import Taro, { useDidHide, useDidShow, useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SUBSCRIBE_TOPIC_LABELS, type RadarItem, type RadarVisitor, type SubscribeTemplate } from '@fenji/shared';
import { Heat } from '../../components/heat';
import { ListState } from '../../components/list-state';
import { PageShell } from '../../components/page-shell';
import { TabPane } from '../../components/ui/tabpane';
import { Tabs } from '../../components/ui/tabs';
import { isWeapp } from '../../config/platform';
import { PAGES } from '../../config/routes';
import { useOnReconnect } from '../../hooks/use-online';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRadarFeed } from '../../hooks/use-radar-feed';
import { ensureSession } from '../../services/auth-guard';
import { refreshDueBadge, refreshUnreadBadge } from '../../services/badge.service';
import { listRadarVisitors } from '../../services/radar.service';
import { askForAlerts, getSubscriptions } from '../../services/subscribe.service';
import { formatTime } from '../../utils/format-time.util';
import { describeRadarItem, describeSource, RADAR_TYPE_LABELS } from './radar-labels';
import './index.css';

type View_ = 'feed' | 'visitors';

const LIVE_TEXT = { connecting: '连接中…', live: '实时更新中', waiting: '连接中断，正在重连…' } as const;

const openLead = (leadId?: string | null) => {
  if (leadId) void Taro.navigateTo({ url: PAGES.leadDetail(leadId) });
};

/** The first character of a label for its round badge: `访` for 访客 3F2A, the surname for a lead. */
const initial = (label: string) => (label.startsWith('访客') ? '访' : label.slice(0, 1));

function FeedItem({ item, now }: { item: RadarItem; now: Date }) {
  const source = describeSource(item);
  return (
    <View className={`card radar-item radar-item--${item.type}`} onClick={() => openLead(item.leadId)}>
      <View className={`radar-item__avatar${item.leadId ? ' radar-item__avatar--lead' : ''}`}>
        <Text>{initial(item.leadName ?? item.visitor.label)}</Text>
      </View>
      <View className='radar-item__main'>
        <View className='radar-item__head'>
          <Text className='radar-item__who'>{item.leadName ?? item.visitor.label}</Text>
          <Text className='muted'>{formatTime(item.at, now)}</Text>
        </View>
        <Text className='radar-item__what'>
          <Text className={`tag radar-item__type radar-item__type--${item.type}`}>{RADAR_TYPE_LABELS[item.type]}</Text>
          {describeRadarItem(item)}
        </Text>
        <Heat score={item.heat} reason={item.heatReason} />
        {source ? <Text className='muted radar-item__source'>{source}</Text> : null}
      </View>
    </View>
  );
}

function VisitorRow({ visitor, now }: { visitor: RadarVisitor; now: Date }) {
  const name = visitor.leadName ?? visitor.label;
  return (
    <View className='card radar-item' onClick={() => openLead(visitor.leadId)}>
      <View className={`radar-item__avatar${visitor.leadId ? ' radar-item__avatar--lead' : ''}`}>
        <Text>{initial(name)}</Text>
      </View>
      <View className='radar-item__main'>
        <View className='radar-item__head'>
          <Text className='radar-item__who'>{name}</Text>
          <Text className='muted'>{formatTime(visitor.lastAt, now)}</Text>
        </View>
        <Heat score={visitor.heat} reason={visitor.heatReason} />
        <Text className='muted radar-item__source'>最近看了《{visitor.lastContent.title}》</Text>
      </View>
    </View>
  );
}

/**
 * 客户雷达: who is reading what I shared, live. The feed arrives over the WebSocket while the page is shown and
 * catches up after a gap; 访客热度 ranks my visitors by heat with its reason in words. In WeChat a tap on 开启提醒
 * asks for subscribe messages for new leads and returning hot customers.
 */
export default function RadarPage() {
  const [view, setView] = useState<View_>('feed');
  const [alerts, setAlerts] = useState<SubscribeTemplate[]>([]);
  const feed = useRadarFeed();
  const visitors = usePagedList<RadarVisitor>(
    (cursor) => listRadarVisitors({ sort: 'heat', cursor: cursor ?? undefined, limit: 20 }),
    (visitor) => visitor.id,
  );

  useLoad(() => {
    if (!ensureSession()) return;
    void feed.reload();
    if (isWeapp()) getSubscriptions().then(setAlerts, () => undefined);
  });
  useDidShow(() => {
    if (!ensureSession()) return;
    feed.start();
    void refreshDueBadge();
    void refreshUnreadBadge();
  });
  useDidHide(() => feed.stop());
  usePullDownRefresh(() => {
    const reloading = view === 'feed' ? feed.reload() : visitors.reload();
    void reloading.finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void (view === 'feed' ? feed.loadMore() : visitors.loadMore()));
  useOnReconnect(() => void (view === 'feed' ? feed.reload() : visitors.reload()));

  const switchView = (next: View_) => {
    setView(next);
    if (next === 'visitors' && !visitors.loaded) void visitors.reload();
  };

  const turnOnAlerts = async () => {
    try {
      const result = await askForAlerts(alerts);
      setAlerts(result.templates);
      void Taro.showToast({ title: result.accepted > 0 ? '已开启提醒' : '未开启提醒', icon: result.accepted > 0 ? 'success' : 'none' });
    } catch {
      void Taro.showToast({ title: '开启提醒失败，请稍后再试', icon: 'none' });
    }
  };

  const now = new Date();
  const remaining = alerts.reduce((sum, t) => sum + t.remaining, 0);

  return (
    <PageShell className='radar'>
      <View className='radar__bar'>
        <View className={`radar__live radar__live--${feed.live}`} id='radar-live'>
          <View className='radar__dot' />
          <Text>{LIVE_TEXT[feed.live]}</Text>
        </View>
        {alerts.length > 0 && (
          <Button className='radar__alerts' size='mini' onClick={() => void turnOnAlerts()}>
            {remaining > 0 ? `提醒剩余 ${remaining} 次 · 加次数` : '开启微信提醒'}
          </Button>
        )}
      </View>
      {alerts.length > 0 && remaining === 0 && (
        <Text className='muted radar__alerts-hint'>
          开启后，{alerts.map((t) => SUBSCRIBE_TOPIC_LABELS[t.topic]).join('、')}时微信会通知你（每次开启可收到一条）
        </Text>
      )}

      <Tabs className='radar__tabs' value={view} activeType='line' onChange={(value) => switchView(value as View_)}>
        <TabPane value='feed' title='动态' />
        <TabPane value='visitors' title='访客热度' />
      </Tabs>

      {view === 'feed' ? (
        <>
          {feed.items.map((item) => (
            <FeedItem key={item.id} item={item} now={now} />
          ))}
          <ListState
            list={feed}
            empty={{ title: '还没有访客动态', hint: '分享内容或名片后，谁看了、看了多久、转发给了谁都会实时出现在这里' }}
          />
        </>
      ) : (
        <>
          {visitors.items.map((visitor) => (
            <VisitorRow key={visitor.id} visitor={visitor} now={now} />
          ))}
          <ListState
            list={visitors}
            empty={{ title: '近 30 天还没有访客' }}
          />
        </>
      )}
    </PageShell>
  );
}
