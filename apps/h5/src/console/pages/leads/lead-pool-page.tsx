import { Fragment, useEffect, useState, type FormEvent } from 'react';
import {
  API,
  LABELS,
  LEAD_POOLS,
  LEAD_STATUSES,
  type Branch,
  type LeadListItem,
  type LeadListResponse,
  type Staff,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { usePagedList } from '../../api/use-paged-list';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/notice';
import { TableFooter } from '../../components/table-footer';
import { buildHash, navigate } from '../../routing/hash-route';
import { AssignLeadForm } from './assign-lead-form';
import { filtersToParams, leadListUrl, type LeadFilterKey, type LeadFilters } from './lead-filters';

export type LeadListMode = 'all' | 'public';

const LIST_PATH: Record<LeadListMode, string> = { all: '/leads', public: '/pool' };
const LIST_LABEL: Record<LeadListMode, string> = { all: '线索池', public: '公海' };
/** Filters that make no sense in the public pool (it is `pool=public`, and nobody owns its leads). */
const FIXED_IN_PUBLIC: readonly LeadFilterKey[] = ['pool', 'ownerStaffId'];

/** Remembered so the detail page can go back to the same filtered view (线索池 or 公海). */
let lastLeadList: { mode: LeadListMode; hash: string } = { mode: 'all', hash: '#/leads' };
export const leadListBack = (): { hash: string; label: string; path: string } => ({
  hash: lastLeadList.hash,
  label: LIST_LABEL[lastLeadList.mode],
  path: LIST_PATH[lastLeadList.mode],
});

/** The filters of the public pool's URL: `pool` is always public, and there is no owner to filter on. */
export function publicPoolFilters(filters: LeadFilters): LeadFilters {
  const fixed: LeadFilters = { ...filters, pool: 'public' };
  delete fixed.ownerStaffId;
  return fixed;
}

interface LeadPoolPageProps {
  filters: LeadFilters;
  /** 'public': 公海 at #/pool — pool fixed to public, no owner columns, a 分配 action per row. */
  mode?: LeadListMode;
}

/**
 * 线索池: a dense, filterable table over every lead; the filters live in the URL hash.
 * 公海 (mode 'public') is the same table over the public pool, with a 分配 action per row.
 */
export function LeadPoolPage({ filters: given, mode = 'all' }: LeadPoolPageProps) {
  const api = useApi();
  const isPublic = mode === 'public';
  const filters = isPublic ? publicPoolFilters(given) : given;
  const filterKey = leadListUrl(filters);
  const { page, setPage, load } = usePagedList<LeadListItem>((cursor) => api.get<LeadListResponse>(leadListUrl(filters, cursor)));
  const [q, setQ] = useState(filters.q ?? '');
  const [assigningId, setAssigningId] = useState<string | null>(null);
  const [assigned, setAssigned] = useState<string | null>(null);
  const branches = useLoad('branches', () => api.get<Branch[]>(API.branches));
  const staff = useLoad('staff', () => api.get<Staff[]>(API.staff));
  const branchName = new Map((branches.data ?? []).map((b) => [b.id, b.name]));

  /** The view's own URL params: in the public pool, without the fixed filters. */
  const urlParams = (f: LeadFilters) => {
    const params = filtersToParams(f);
    if (isPublic) for (const key of FIXED_IN_PUBLIC) delete params[key];
    return params;
  };

  useEffect(() => {
    lastLeadList = { mode, hash: buildHash(LIST_PATH[mode], urlParams(filters)) };
    setAssigningId(null);
    setAssigned(null);
    setQ(filters.q ?? '');
    void load(null);
    // Reload when the filters change (their URL, not the object's identity).
  }, [filterKey]);

  const setFilter = (key: LeadFilterKey, value: string) =>
    navigate(LIST_PATH[mode], urlParams({ ...filters, [key]: value }));

  function onAssigned(lead: LeadListItem, to: string) {
    setAssigningId(null);
    setAssigned(`已将 ${lead.name} 分配给 ${to}`);
    setPage((p) => ({
      ...p,
      items:
        isPublic && lead.pool !== 'public'
          ? p.items.filter((l) => l.id !== lead.id)
          : p.items.map((l) => (l.id === lead.id ? lead : l)),
    }));
  }

  const columns = isPublic ? 8 : 9;

  function search(event: FormEvent) {
    event.preventDefault();
    setFilter('q', q.trim());
  }

  return (
    <div className={isPublic ? 'leads public-pool' : 'leads'}>
      {isPublic ? (
        <div className="toolbar">
          <h2>公海</h2>
          <span className="hint">无人归属的线索：可分配给员工，员工也可在小程序中领取。</span>
        </div>
      ) : null}
      <form className="filters" onSubmit={search} role="search" aria-label="筛选线索">
        <label>
          状态
          <select value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">全部</option>
            {LEAD_STATUSES.map((s) => (
              <option key={s} value={s}>
                {LABELS.leadStatus[s]}
              </option>
            ))}
          </select>
        </label>
        {isPublic ? null : (
          <label>
            公海/私海
            <select value={filters.pool ?? ''} onChange={(e) => setFilter('pool', e.target.value)}>
              <option value="">全部</option>
              {LEAD_POOLS.map((p) => (
                <option key={p} value={p}>
                  {LABELS.pool[p]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          门店
          <select value={filters.branchId ?? ''} onChange={(e) => setFilter('branchId', e.target.value)}>
            <option value="">全部</option>
            {(branches.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        {isPublic ? null : (
          <label>
            归属员工
            <select value={filters.ownerStaffId ?? ''} onChange={(e) => setFilter('ownerStaffId', e.target.value)}>
              <option value="">全部</option>
              {(staff.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          从
          <input type="date" value={filters.from ?? ''} onChange={(e) => setFilter('from', e.target.value)} />
        </label>
        <label>
          到
          <input type="date" value={filters.to ?? ''} onChange={(e) => setFilter('to', e.target.value)} />
        </label>
        <label className="search">
          搜索
          <input type="search" placeholder="姓名/手机号" value={q} maxLength={40} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">查询</button>
        <button type="button" onClick={() => navigate(LIST_PATH[mode])}>
          重置
        </button>
      </form>

      <ErrorNotice message={page.error} />
      {assigned ? (
        <p className="notice notice-ok" role="status">
          {assigned}
        </p>
      ) : null}

      <table className="grid leads-table">
        <thead>
          <tr>
            <th>姓名</th>
            <th>手机号</th>
            <th>状态</th>
            {isPublic ? null : <th>归属员工</th>}
            <th>门店</th>
            {isPublic ? null : <th>公海私海</th>}
            <th className="count">触达次数</th>
            <th>创建时间</th>
            <th>最近触达</th>
            {isPublic ? <th>操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {page.items.map((lead) => (
            <Fragment key={lead.id}>
              <tr className="clickable" onClick={() => navigate(`/leads/${lead.id}`)}>
                <td>
                  <a href={`#/leads/${encodeURIComponent(lead.id)}`} onClick={(e) => e.stopPropagation()}>
                    {lead.name}
                  </a>
                </td>
                <td className="num" title={lead.phoneMasked ? '已脱敏' : undefined}>
                  {lead.phone}
                </td>
                <td>
                  <span className={`tag tag-${lead.status}`}>{LABELS.leadStatus[lead.status]}</span>
                </td>
                {isPublic ? null : <td>{lead.ownerName ?? '—'}</td>}
                <td>{lead.branchId ? (branchName.get(lead.branchId) ?? '—') : '—'}</td>
                {isPublic ? null : <td>{LABELS.pool[lead.pool]}</td>}
                <td className="num count">{lead.touchCount}</td>
                <td className="num">{formatDateTime(lead.createdAt)}</td>
                <td className="num">{formatDateTime(lead.lastTouchAt)}</td>
                {isPublic ? (
                  <td onClick={(e) => e.stopPropagation()}>
                    {assigningId === lead.id ? null : (
                      <button
                        type="button"
                        onClick={() => {
                          setAssigned(null);
                          setAssigningId(lead.id);
                        }}
                      >
                        分配
                      </button>
                    )}
                  </td>
                ) : null}
              </tr>
              {assigningId === lead.id ? (
                <tr className="inline-row">
                  <td colSpan={columns}>
                    <AssignLeadForm
                      lead={lead}
                      staff={staff.data}
                      branches={branches.data ?? []}
                      onAssigned={onAssigned}
                      onCancel={() => setAssigningId(null)}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
          {!page.loading && page.items.length === 0 && !page.error ? (
            <tr>
              <td colSpan={columns} className="empty">
                {isPublic ? '公海里没有符合条件的线索' : '没有符合条件的线索'}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>

      <TableFooter count={page.items.length} loading={page.loading} hasMore={Boolean(page.nextCursor)} onMore={() => void load(page.nextCursor)} />
    </div>
  );
}
