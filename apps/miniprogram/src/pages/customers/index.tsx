import { useRef, useState } from 'react';
import Taro, { useDidShow, useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { LABELS, LEAD_STATUSES, type LeadPageItem, type LeadSort, type LeadStatus, type LeadTag } from '@fenji/shared';
import { LeadRow } from '../../components/lead-row';
import { ErrorState, ListState } from '../../components/list-state';
import { PageShell } from '../../components/page-shell';
import { SearchBar } from '../../components/search-bar';
import { TabPane } from '../../components/ui/tabpane';
import { Tabs } from '../../components/ui/tabs';
import { PAGES } from '../../config/routes';
import { useOnReconnect } from '../../hooks/use-online';
import { usePagedList } from '../../hooks/use-paged-list';
import { useRemote } from '../../hooks/use-remote';
import { ensureSession } from '../../services/auth-guard';
import { refreshDueBadge } from '../../services/badge.service';
import { consumeLeadsChanged } from '../../services/lead-changes';
import { listLeads } from '../../services/lead.service';
import { getTagOptions } from '../../services/tag.service';
import './index.css';

const PAGE_SIZE = 20;
/** Due follow-ups shown before 展开. */
const DUE_FOLDED = 3;
/** '' is 全部 (no status filter). */
const STATUS_TABS: ReadonlyArray<LeadStatus | ''> = ['', ...LEAD_STATUSES];
const SORTS: ReadonlyArray<{ value: LeadSort; label: string }> = [
  { value: 'created_desc', label: '最近' },
  { value: 'heat_desc', label: '热度' },
];

/** Due by the end of today (or overdue) and still to contact: what the API's `due=1` promises, checked again here. */
function isDue(lead: LeadPageItem, now: Date): boolean {
  if (!lead.nextFollowUpAt || lead.doNotContact) return false;
  const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  return Date.parse(lead.nextFollowUpAt) < endOfToday;
}

interface Filter {
  status: LeadStatus | '';
  q: string;
  /** A tag's id from GET /api/tags ('' for any). */
  tagId: string;
  sort: LeadSort;
}

/**
 * 我的客户: 待跟进 first (due today or overdue), then every lead of mine, filtered by status and tag, searched, and
 * sorted by recency or heat. A failed load is an error with a retry, never "no customers".
 */
export default function CustomersPage() {
  const [keyword, setKeyword] = useState('');
  const [filter, setFilterState] = useState<Filter>({ status: '', q: '', tagId: '', sort: 'created_desc' });
  const filterRef = useRef(filter);
  const [dueOpen, setDueOpen] = useState(false);
  const [tags, setTags] = useState<LeadTag[]>([]);

  const list = usePagedList<LeadPageItem>((cursor) => {
    const f = filterRef.current;
    return listLeads({
      status: f.status || undefined,
      q: f.q || undefined,
      tagId: f.tagId || undefined,
      sort: f.sort === 'created_desc' ? undefined : f.sort,
      cursor: cursor ?? undefined,
      limit: PAGE_SIZE,
    });
  }, (lead) => lead.id);
  const due = useRemote(() => listLeads({ due: '1', limit: 50 }));

  const reloadAll = () => Promise.all([list.reload(), due.reload(), refreshDueBadge()]);

  const setFilter = (next: Filter) => {
    filterRef.current = next;
    setFilterState(next);
    void list.reload();
  };

  useLoad(() => {
    if (!ensureSession()) return;
    void reloadAll();
    getTagOptions().then(setTags, () => undefined);
  });

  // Back from the public pool or a lead's page after a claim, release, follow-up or status change: show the new state.
  useDidShow(() => {
    if (consumeLeadsChanged()) void reloadAll();
  });
  usePullDownRefresh(() => void reloadAll().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void list.loadMore());
  useOnReconnect(() => void reloadAll());

  const now = new Date();
  const dueItems = (due.data?.items ?? []).filter((lead) => isDue(lead, now));
  const shownDue = dueOpen ? dueItems : dueItems.slice(0, DUE_FOLDED);
  const filtered = filter.status !== '' || filter.q !== '' || filter.tagId !== '';

  return (
    <PageShell className='customers'>
      {due.error && !list.error ? (
        <View className='card due'>
          <Text className='section-title'>待跟进</Text>
          <ErrorState error={due.error} onRetry={() => void due.reload()} compact />
        </View>
      ) : dueItems.length > 0 ? (
        <View className='due' id='due-list'>
          <View className='due__head'>
            <Text className='section-title due__title'>
              待跟进<Text className='badge'>{dueItems.length}</Text>
            </Text>
            <Text className='muted'>今天到期和已逾期</Text>
          </View>
          {shownDue.map((lead) => (
            <LeadRow key={lead.id} lead={lead} now={now} showDue />
          ))}
          {dueItems.length > DUE_FOLDED && (
            <Text className='link due__toggle' onClick={() => setDueOpen(!dueOpen)}>
              {dueOpen ? '收起' : `展开全部 ${dueItems.length} 位`}
            </Text>
          )}
        </View>
      ) : null}

      <SearchBar
        value={keyword}
        onChange={setKeyword}
        onSearch={() => setFilter({ ...filter, q: keyword.trim() })}
      >
        <Button id='open-pool' className='customers__pool-btn' size='mini' onClick={() => void Taro.navigateTo({ url: PAGES.pool })}>
          公海
        </Button>
      </SearchBar>

      <Tabs
        className='customers__status-tabs'
        value={filter.status || 'all'}
        activeType='line'
        onChange={(value) => setFilter({ ...filter, status: value === 'all' ? '' : (value as LeadStatus) })}
      >
        {STATUS_TABS.map((status) => (
          <TabPane key={status || 'all'} value={status || 'all'} title={status ? LABELS.leadStatus[status] : '全部'} />
        ))}
      </Tabs>

      <View className='customers__tools'>
        <View className='chips chips--on-white customers__tags'>
          {tags.map((tag) => (
            <Text
              key={tag.id}
              className={`chip tag-filter${filter.tagId === tag.id ? ' chip--active' : ''}`}
              onClick={() => setFilter({ ...filter, tagId: filter.tagId === tag.id ? '' : tag.id })}
            >
              {tag.name}
            </Text>
          ))}
        </View>
        <View className='customers__sort'>
          {SORTS.map((sort) => (
            <Text
              key={sort.value}
              className={`customers__sort-item${filter.sort === sort.value ? ' customers__sort-item--active' : ''}`}
              onClick={() => setFilter({ ...filter, sort: sort.value })}
            >
              {sort.label}
            </Text>
          ))}
        </View>
      </View>

      {list.items.map((lead) => (
        <LeadRow key={lead.id} lead={lead} now={now} />
      ))}

      <ListState
        list={list}
        empty={filtered ? { title: '没有符合条件的客户' } : { title: '还没有客户', hint: '去内容库分享内容，客户留资后会出现在这里' }}
      />
    </PageShell>
  );
}
