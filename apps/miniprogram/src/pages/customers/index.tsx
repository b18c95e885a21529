import { useRef, useState } from 'react';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LABELS, LEAD_STATUSES, type LeadListItem, type LeadStatus, type Notification } from '@fenji/shared';
import { PAGES } from '../../config/routes';
import { ensureSession } from '../../services/auth-guard';
import { consumeLeadsChanged } from '../../services/lead-changes';
import { listLeads } from '../../services/lead.service';
import { listNotifications } from '../../services/pool.service';
import { formatTime } from '../../utils/format-time.util';
import './index.css';
import { SearchBar } from '../../components/search-bar';

const PAGE_SIZE = 20;
/** '' is 全部 (no status filter). */
const STATUS_FILTERS: ReadonlyArray<LeadStatus | ''> = ['', ...LEAD_STATUSES];
/** Notices shown before 查看全部. */
const NOTICES_FOLDED = 3;

const NOTICE_LABELS = {
  recycle_warning: '即将回收',
  recycled: '已回收',
  assigned: '新分配',
} satisfies Record<Notification['kind'], string>;

interface Filter {
  status: LeadStatus | '';
  q: string;
}

/** 我的客户: the signed-in staff member's own leads, newest touch first, filtered by status and searched. */
export default function CustomersPage() {
  const [filter, setFilter] = useState<Filter>({ status: '', q: '' });
  const [keyword, setKeyword] = useState('');
  const [items, setItems] = useState<LeadListItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [notices, setNotices] = useState<Notification[]>([]);
  const [noticesOpen, setNoticesOpen] = useState(false);
  // Answers to an older filter are dropped: only the latest query may fill the list.
  const latestQuery = useRef(0);

  const load = async (next: Filter, cursor: string | null) => {
    const queryId = cursor ? latestQuery.current : ++latestQuery.current;
    setLoading(true);
    try {
      const page = await listLeads({
        status: next.status || undefined,
        q: next.q || undefined,
        cursor: cursor ?? undefined,
        limit: PAGE_SIZE,
      });
      if (queryId !== latestQuery.current) return;
      setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch {
      // The request wrapper has shown why.
    } finally {
      if (queryId === latestQuery.current) {
        setLoading(false);
        setLoaded(true);
      }
    }
  };

  const applyFilter = (next: Filter) => {
    setFilter(next);
    setNextCursor(null);
    void load(next, null);
  };

  const loadMore = () => {
    if (loading || !nextCursor) return;
    void load(filter, nextCursor);
  };

  const loadNotices = () => listNotifications().then(setNotices, () => undefined);

  useLoad(() => {
    if (!ensureSession()) return;
    void load(filter, null);
    void loadNotices();
  });

  // Back from the public pool or a lead's page after a claim, release or status change: show the new state.
  useDidShow(() => {
    if (!consumeLeadsChanged()) return;
    void load(filter, null);
    void loadNotices();
  });

  usePullDownRefresh(() => {
    void Promise.all([load(filter, null), loadNotices()]).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(loadMore);

  const search = () => applyFilter({ ...filter, q: keyword.trim() });

  /** A recycled lead is in the public pool now: nothing of it to open here. */
  const openNotice = (notice: Notification) => {
    if (notice.kind === 'recycled') return;
    void Taro.navigateTo({ url: PAGES.leadDetail(notice.leadId) });
  };

  const shownNotices = noticesOpen ? notices : notices.slice(0, NOTICES_FOLDED);

  return (
    <View className='page customers'>
      {notices.length > 0 && (
        <View className='card notices'>
          {shownNotices.map((notice) => (
            <View
              key={notice.id}
              className={`notice-item notice-item--${notice.kind}`}
              onClick={() => openNotice(notice)}
            >
              <Text className={`tag notice-item__kind notice-item__kind--${notice.kind}`}>{NOTICE_LABELS[notice.kind]}</Text>
              <Text className='notice-item__message'>{notice.message}</Text>
              <Text className='muted notice-item__time'>{formatTime(notice.createdAt)}</Text>
            </View>
          ))}
          {notices.length > NOTICES_FOLDED && (
            <Text className='link notices__toggle' onClick={() => setNoticesOpen(!noticesOpen)}>
              {noticesOpen ? '收起' : `查看全部 ${notices.length} 条提醒`}
            </Text>
          )}
        </View>
      )}

      <SearchBar block='customers' value={keyword} onChange={setKeyword} onSearch={search}>
        <Button
          id='open-pool'
          className='customers__pool-btn'
          size='mini'
          onClick={() => void Taro.navigateTo({ url: PAGES.pool })}
        >
          公海
        </Button>
      </SearchBar>

      <View className='customers__filters'>
        {STATUS_FILTERS.map((status) => (
          <Text
            key={status || 'all'}
            className={`customers__filter${filter.status === status ? ' customers__filter--active' : ''}`}
            onClick={() => applyFilter({ ...filter, status })}
          >
            {status ? LABELS.leadStatus[status] : '全部'}
          </Text>
        ))}
      </View>

      {items.map((lead) => (
        <View
          key={lead.id}
          className='card lead-item'
          onClick={() => void Taro.navigateTo({ url: PAGES.leadDetail(lead.id) })}
        >
          <View className='lead-item__row'>
            <Text className='lead-item__name'>{lead.name}</Text>
            <Text className={`tag tag--status-${lead.status}`}>{LABELS.leadStatus[lead.status]}</Text>
          </View>
          <View className='lead-item__row'>
            <Text className='lead-item__phone'>{lead.phone}</Text>
            <Text className='muted'>
              最近触达 {formatTime(lead.lastTouchAt)} · 共 {lead.touchCount} 次
            </Text>
          </View>
        </View>
      ))}

      {loaded && items.length === 0 && !loading && (
        <View className='empty'>{filter.status || filter.q ? '没有符合条件的客户' : '还没有客户，去内容库分享内容吧'}</View>
      )}

      <View className='list-footer'>
        {nextCursor ? (
          <Button className='btn-plain' loading={loading} disabled={loading} onClick={loadMore}>
            加载更多
          </Button>
        ) : (
          items.length > 0 && <Text className='muted'>没有更多了</Text>
        )}
        {!loaded && <Text className='muted'>加载中…</Text>}
      </View>
    </View>
  );
}
