import { useRef, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { LABELS, LEAD_STATUSES, type LeadListItem, type LeadStatus } from '@fenji/shared';
import { PAGES } from '../../config/routes';
import { ensureSession } from '../../services/auth-guard';
import { listLeads } from '../../services/lead.service';
import { formatTime } from '../../utils/format-time.util';
import './index.css';

const PAGE_SIZE = 20;
/** '' is 全部 (no status filter). */
const STATUS_FILTERS: ReadonlyArray<LeadStatus | ''> = ['', ...LEAD_STATUSES];

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

  useLoad(() => {
    if (ensureSession()) void load(filter, null);
  });

  usePullDownRefresh(() => {
    void load(filter, null).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(loadMore);

  const search = () => applyFilter({ ...filter, q: keyword.trim() });

  return (
    <View className='page customers'>
      <View className='customers__search'>
        <Input
          className='customers__search-input'
          placeholder='搜索姓名或手机号'
          confirmType='search'
          maxlength={40}
          value={keyword}
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={search}
        />
        <Button className='customers__search-btn' size='mini' onClick={search}>
          搜索
        </Button>
      </View>

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
