import { useRef, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { LeadListItem, PoolSettings } from '@fenji/shared';
import { PAGES } from '../../../../config/routes';
import { ApiError } from '../../../../services/api-error';
import { ensureSession } from '../../../../services/auth-guard';
import { claimLead, listPublicLeads } from '../../../../services/lead.service';
import { markLeadsChanged } from '../../../../services/lead-changes';
import { getPoolSettings } from '../../../../services/pool.service';
import { formatTime } from '../../../../utils/format-time.util';
import './index.css';
import { SearchBar } from '../../../../components/search-bar';

const PAGE_SIZE = 20;

/** Claim failures after which the lead is no longer in the public pool: it leaves the list. */
const GONE_CODES: readonly string[] = ['LEAD_ALREADY_CLAIMED', 'LEAD_NOT_PUBLIC', 'LEAD_NOT_FOUND'];

/** What the last claim did: one notice at a time, so its text is there once. */
type Notice = { kind: 'success'; leadId: string } | { kind: 'error'; message: string };

/** 公海: leads nobody owns. A staff member searches them and claims one into their own customers (私海). */
export default function PoolPage() {
  const [settings, setSettings] = useState<PoolSettings | null>(null);
  const [keyword, setKeyword] = useState('');
  const [q, setQ] = useState('');
  const [items, setItems] = useState<LeadListItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [claiming, setClaiming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // Answers to an older search are dropped: only the latest query may fill the list.
  const latestQuery = useRef(0);

  const load = async (query: string, cursor: string | null) => {
    const queryId = cursor ? latestQuery.current : ++latestQuery.current;
    setLoading(true);
    try {
      const page = await listPublicLeads({ q: query || undefined, cursor: cursor ?? undefined, limit: PAGE_SIZE });
      if (queryId !== latestQuery.current) return;
      setItems((prev) => (cursor ? [...prev, ...page.items.filter((lead) => !prev.some((p) => p.id === lead.id))] : page.items));
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

  const loadMore = () => {
    if (loading || !nextCursor) return;
    void load(q, nextCursor);
  };

  useLoad(() => {
    if (!ensureSession()) return;
    void load('', null);
    getPoolSettings().then(setSettings, () => undefined);
  });

  usePullDownRefresh(() => {
    void load(q, null).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(loadMore);

  const search = () => {
    const next = keyword.trim();
    setQ(next);
    setNextCursor(null);
    void load(next, null);
  };

  const claim = async (lead: LeadListItem) => {
    if (claiming) return;
    setClaiming(lead.id);
    setNotice(null);
    try {
      const owned = await claimLead(lead.id);
      setItems((prev) => prev.filter((item) => item.id !== lead.id));
      setNotice({ kind: 'success', leadId: owned.id });
      markLeadsChanged();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setNotice({ kind: 'error', message: apiError?.message ?? '领取失败，请重试' });
      if (apiError && GONE_CODES.includes(apiError.code)) setItems((prev) => prev.filter((item) => item.id !== lead.id));
    } finally {
      setClaiming(null);
    }
  };

  return (
    <View className='page pool'>
      {settings && (
        <View className='card pool__rules'>
          <Text className='pool__rules-line'>
            每日上限 {settings.claimDailyCap} 条 · 私海最多 {settings.claimHoldCap} 条
          </Text>
          <Text className='muted pool__rules-line'>
            保护期 {settings.protectionDays} 天，{settings.recycleDays} 天未跟进将回到公海
            {settings.reclaimBlockDays > 0 ? `；放回或被回收的客户 ${settings.reclaimBlockDays} 天内不能再领回` : ''}
          </Text>
        </View>
      )}

      <SearchBar block='pool' value={keyword} onChange={setKeyword} onSearch={search} />

      {items.map((lead) => (
        <View key={lead.id} id={`pool-item-${lead.id}`} className='card pool-item'>
          <View className='pool-item__info'>
            <Text className='pool-item__name'>{lead.name}</Text>
            <Text className='pool-item__phone'>{lead.phone}</Text>
            <Text className='muted pool-item__touch'>
              最近触达 {formatTime(lead.lastTouchAt)} · 共 {lead.touchCount} 次
            </Text>
          </View>
          <Button
            className='pool-item__claim'
            size='mini'
            loading={claiming === lead.id}
            disabled={claiming !== null}
            onClick={() => void claim(lead)}
          >
            领取
          </Button>
        </View>
      ))}

      {loaded && items.length === 0 && !loading && (
        <View className='empty'>{q ? '没有符合条件的客户' : '暂时没有可领取的客户'}</View>
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

      {notice && (
        <View id='pool-notice' className={`pool-notice pool-notice--${notice.kind}`}>
          {notice.kind === 'success' ? (
            <>
              <Text className='pool-notice__text'>领取成功</Text>
              <Text className='pool-notice__hint'>已加入我的客户</Text>
              <Text
                className='pool-notice__action'
                onClick={() => void Taro.navigateTo({ url: PAGES.leadDetail(notice.leadId) })}
              >
                去跟进
              </Text>
            </>
          ) : (
            <Text className='pool-notice__text'>{notice.message}</Text>
          )}
          <Text className='pool-notice__close' onClick={() => setNotice(null)}>
            ×
          </Text>
        </View>
      )}
    </View>
  );
}
