import { useRef, useState } from 'react';
import Taro, { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { LeadPageItem, PoolSettings } from '@fenji/shared';
import { ListState } from '../../../../components/list-state';
import { PageShell } from '../../../../components/page-shell';
import { SearchBar } from '../../../../components/search-bar';
import { PAGES } from '../../../../config/routes';
import { useOnReconnect } from '../../../../hooks/use-online';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { ApiError } from '../../../../services/api-error';
import { ensureSession } from '../../../../services/auth-guard';
import { claimLead, listPublicLeads } from '../../../../services/lead.service';
import { markLeadsChanged } from '../../../../services/lead-changes';
import { getPoolSettings } from '../../../../services/pool.service';
import { formatDateTime, formatTime } from '../../../../utils/format-time.util';
import './index.css';

const PAGE_SIZE = 20;

/** Claim failures after which the lead is no longer in the public pool: it leaves the list. */
const GONE_CODES: readonly string[] = ['LEAD_ALREADY_CLAIMED', 'LEAD_NOT_PUBLIC', 'LEAD_NOT_FOUND'];

/** What the last claim did: one notice at a time, so its text is there once. */
type Notice = { kind: 'success'; leadId: string } | { kind: 'error'; message: string };

/** Until when the caller may not claim this lead back (they released it, or it was recycled from them). */
function blockedUntil(lead: LeadPageItem, now: number): string | null {
  const until = lead.reclaimBlockedUntil;
  return until && Date.parse(until) > now ? until : null;
}

/** 公海: leads nobody owns. A staff member searches them and claims one into their own customers (私海). */
export default function PoolPage() {
  const [settings, setSettings] = useState<PoolSettings | null>(null);
  const [keyword, setKeyword] = useState('');
  const q = useRef('');
  const [claiming, setClaiming] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const list = usePagedList<LeadPageItem>(
    (cursor) => listPublicLeads({ q: q.current || undefined, cursor: cursor ?? undefined, limit: PAGE_SIZE }),
    (lead) => lead.id,
  );

  useLoad(() => {
    if (!ensureSession()) return;
    void list.reload();
    getPoolSettings().then(setSettings, () => undefined);
  });
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());
  useOnReconnect(() => void list.reload());

  const search = () => {
    q.current = keyword.trim();
    void list.reload();
  };

  const claim = async (lead: LeadPageItem) => {
    if (claiming) return;
    setClaiming(lead.id);
    setNotice(null);
    try {
      const owned = await claimLead(lead.id);
      list.setItems((prev) => prev.filter((item) => item.id !== lead.id));
      setNotice({ kind: 'success', leadId: owned.id });
      markLeadsChanged();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      setNotice({ kind: 'error', message: apiError?.message ?? '领取失败，请重试' });
      if (apiError && GONE_CODES.includes(apiError.code)) list.setItems((prev) => prev.filter((item) => item.id !== lead.id));
    } finally {
      setClaiming(null);
    }
  };

  const now = Date.now();

  return (
    <PageShell className='pool'>
      {settings && (
        <View className='card pool__rules'>
          <Text className='pool__rules-line'>
            每日可领 {settings.claimDailyCap} 条 · 名下最多 {settings.claimHoldCap} 条
          </Text>
          <Text className='muted pool__rules-line'>
            保护期 {settings.protectionDays} 天，{settings.recycleDays} 天未跟进将回到公海
            {settings.reclaimBlockDays > 0 ? `；你放回或被回收的客户 ${settings.reclaimBlockDays} 天内不能再领回` : ''}
          </Text>
        </View>
      )}

      <SearchBar value={keyword} onChange={setKeyword} onSearch={search} />

      {list.items.map((lead) => {
        const until = blockedUntil(lead, now);
        return (
          <View key={lead.id} id={`pool-item-${lead.id}`} className='card pool-item'>
            <View className='pool-item__info'>
              <Text className='pool-item__name'>{lead.name}</Text>
              <Text className='pool-item__phone'>{lead.phone}</Text>
              <Text className='muted pool-item__touch'>
                最近触达 {formatTime(lead.lastTouchAt)} · 共 {lead.touchCount} 次
              </Text>
              {until && (
                <Text className='pool-item__blocked'>你近期放回过该客户，{formatDateTime(until)} 后才能再领取</Text>
              )}
            </View>
            {until ? (
              <Text className='pool-item__wait'>暂不可领</Text>
            ) : (
              <Button
                className='pool-item__claim'
                size='mini'
                loading={claiming === lead.id}
                disabled={claiming !== null}
                onClick={() => void claim(lead)}
              >
                领取
              </Button>
            )}
          </View>
        );
      })}

      <ListState
        list={list}
        empty={q.current ? { title: '没有符合条件的客户' } : { title: '暂时没有可领取的客户', hint: '客户超时未跟进或被同事放回后会出现在这里' }}
      />

      {notice && (
        <View id='pool-notice' className={`pool-notice pool-notice--${notice.kind}`}>
          {notice.kind === 'success' ? (
            <>
              <Text className='pool-notice__text'>领取成功</Text>
              <Text className='pool-notice__hint'>已加入我的客户</Text>
              <Text className='pool-notice__action' onClick={() => void Taro.navigateTo({ url: PAGES.leadDetail(notice.leadId) })}>
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
    </PageShell>
  );
}
