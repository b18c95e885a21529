import { useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LABELS, MY_STATS_DAYS, type MyStats, type MyStatsDays, type SessionUser } from '@fenji/shared';
import { Avatar } from '../../components/avatar';
import { useConfirm } from '../../components/confirm';
import { ErrorState, LoadingState } from '../../components/list-state';
import { PageShell } from '../../components/page-shell';
import { Cell } from '../../components/ui/cell';
import { CellGroup } from '../../components/ui/cellgroup';
import { PAGES } from '../../config/routes';
import { useOnReconnect } from '../../hooks/use-online';
import { useRemote } from '../../hooks/use-remote';
import { ensureSession } from '../../services/auth-guard';
import { fetchMe } from '../../services/auth.service';
import { refreshUnreadBadge } from '../../services/badge.service';
import { getMyCard } from '../../services/card.service';
import { clearSession, getSessionUser, saveSessionUser } from '../../services/session.service';
import { getMyStats } from '../../services/stats.service';
import './index.css';

const DAY_LABELS = { 1: '今天', 7: '近 7 天', 30: '近 30 天' } satisfies Record<MyStatsDays, string>;

const STAT_FIELDS: ReadonlyArray<{ key: keyof Pick<MyStats, 'shares' | 'views' | 'uniqueVisitors' | 'leads' | 'converted'>; label: string }> = [
  { key: 'shares', label: '分享' },
  { key: 'views', label: '浏览' },
  { key: 'uniqueVisitors', label: '访客' },
  { key: 'leads', label: '留资' },
  { key: 'converted', label: '成交' },
];

function Stats({ stats }: { stats: MyStats }) {
  return (
    <>
      <View className='stats__grid'>
        {STAT_FIELDS.map((field) => (
          <View key={field.key} className='stats__cell'>
            <Text className='stats__value'>{stats[field.key]}</Text>
            <Text className='stats__label'>{field.label}</Text>
          </View>
        ))}
      </View>
      <Text className='stats__rank' id='stats-rank'>
        {stats.rankInBranch === null ? '不属于任何门店，暂无排名' : `留资数在门店 ${stats.branchSize} 人中排第 ${stats.rankInBranch} 名`}
      </Text>
    </>
  );
}

const go = (url: string) => () => void Taro.navigateTo({ url });

/** 我的: my results over today / 7 / 30 days, my card, my notices, the privacy guide and the way out. */
export default function MePage() {
  const [user, setUser] = useState<SessionUser | null>(() => getSessionUser());
  const [days, setDays] = useState<MyStatsDays>(7);
  const daysRef = useRef<MyStatsDays>(7);
  const [unread, setUnread] = useState<number | null>(null);
  const stats = useRemote(() => getMyStats(daysRef.current));
  const card = useRemote(getMyCard);
  const { confirm, dialog } = useConfirm();

  const load = () => {
    fetchMe().then(
      (me) => {
        saveSessionUser(me);
        setUser(me);
      },
      () => undefined,
    );
    void stats.reload();
    void card.reload();
    void refreshUnreadBadge().then(setUnread);
  };

  useDidShow(() => {
    if (ensureSession()) load();
  });
  usePullDownRefresh(() => {
    load();
    void stats.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useOnReconnect(load);

  const pickDays = (next: MyStatsDays) => {
    if (next === daysRef.current) return;
    daysRef.current = next;
    setDays(next);
    void stats.reload();
  };

  const logout = async () => {
    if (!(await confirm({ title: '退出登录', content: '确定退出当前账号吗？', confirmText: '退出' }))) return;
    clearSession();
    await Taro.reLaunch({ url: PAGES.login });
  };

  return (
    <PageShell className='me'>
      <View className='card me__profile'>
        <Avatar url={card.data?.avatarUrl} name={user?.name ?? ''} />
        <View className='me__who'>
          <Text className='me__name'>{user?.name ?? ''}</Text>
          <View className='me__facts'>
            {user && <Text className='tag'>{LABELS.role[user.role]}</Text>}
            <Text className='muted'>{card.data?.title || (user?.branchId ? user.branchName ?? '' : '总部')}</Text>
          </View>
        </View>
      </View>

      <View className='card stats'>
        <View className='stats__head'>
          <Text className='section-title stats__title'>我的成绩</Text>
          <View className='stats__days'>
            {MY_STATS_DAYS.map((d) => (
              <Text key={d} className={`stats__day${d === days ? ' stats__day--active' : ''}`} onClick={() => pickDays(d)}>
                {DAY_LABELS[d]}
              </Text>
            ))}
          </View>
        </View>
        {stats.data && !stats.loading ? (
          <Stats stats={stats.data} />
        ) : stats.error && !stats.loading ? (
          <ErrorState error={stats.error} onRetry={() => void stats.reload()} compact />
        ) : (
          <LoadingState />
        )}
      </View>

      <CellGroup className='me__menu'>
        <Cell
          title='我的名片'
          description={card.data && !card.data.title && !card.data.intro ? '还没填写，完善后客户更信任你' : '预览、分享、生成海报'}
          extra='›'
          onClick={go(PAGES.cardShare)}
        />
        <Cell title='编辑名片' extra='›' onClick={go(PAGES.cardEdit)} />
        <Cell
          title='我的通知'
          extra={unread ? <Text className='badge' id='me-unread'>{unread}</Text> : '›'}
          onClick={go(PAGES.notifications)}
        />
        <Cell title='隐私指引' description='我们如何处理你和客户的信息' extra='›' onClick={go(PAGES.privacy)} />
      </CellGroup>

      <View className='me__logout'>
        <Button className='btn-plain' onClick={() => void logout()}>
          退出登录
        </Button>
      </View>
      {dialog}
    </PageShell>
  );
}
