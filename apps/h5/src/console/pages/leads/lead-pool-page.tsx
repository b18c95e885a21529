import { useEffect, useRef, useState, type FormEvent } from 'react';
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
import { errorMessage } from '../../api/api-error';
import { useLoad } from '../../api/use-load';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/notice';
import { buildHash, navigate } from '../../routing/hash-route';
import { filtersToParams, leadListUrl, type LeadFilterKey, type LeadFilters } from './lead-filters';

/** Remembered so the detail page can go back to the same filtered view. */
let lastLeadListHash = '#/leads';
export const leadListBackHash = (): string => lastLeadListHash;

interface LeadPoolPageProps {
  filters: LeadFilters;
}

interface PageState {
  items: LeadListItem[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/** 线索池: a dense, filterable table over every lead; the filters live in the URL hash. */
export function LeadPoolPage({ filters }: LeadPoolPageProps) {
  const api = useApi();
  const filterKey = leadListUrl(filters);
  const [page, setPage] = useState<PageState>({ items: [], nextCursor: null, loading: true, error: null });
  const [q, setQ] = useState(filters.q ?? '');
  const request = useRef(0);
  const branches = useLoad('branches', () => api.get<Branch[]>(API.branches));
  const staff = useLoad('staff', () => api.get<Staff[]>(API.staff));
  const branchName = new Map((branches.data ?? []).map((b) => [b.id, b.name]));

  async function load(cursor: string | null) {
    const id = ++request.current;
    setPage((p) => ({ ...p, loading: true, error: null, ...(cursor ? {} : { items: [], nextCursor: null }) }));
    try {
      const res = await api.get<LeadListResponse>(leadListUrl(filters, cursor));
      if (id !== request.current) return;
      setPage((p) => ({
        items: cursor ? [...p.items, ...res.items] : res.items,
        nextCursor: res.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (e) {
      if (id !== request.current) return;
      setPage((p) => ({ ...p, loading: false, error: errorMessage(e) }));
    }
  }

  useEffect(() => {
    lastLeadListHash = buildHash('/leads', filtersToParams(filters));
    setQ(filters.q ?? '');
    void load(null);
    // Reload when the filters change (their URL, not the object's identity).
  }, [filterKey]);

  const setFilter = (key: LeadFilterKey, value: string) =>
    navigate('/leads', filtersToParams({ ...filters, [key]: value }));

  function search(event: FormEvent) {
    event.preventDefault();
    setFilter('q', q.trim());
  }

  return (
    <div className="leads">
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
        <button type="button" onClick={() => navigate('/leads')}>
          重置
        </button>
      </form>

      <ErrorNotice message={page.error} />

      <table className="grid leads-table">
        <thead>
          <tr>
            <th>姓名</th>
            <th>手机号</th>
            <th>状态</th>
            <th>归属员工</th>
            <th>门店</th>
            <th>公海私海</th>
            <th className="count">触达次数</th>
            <th>创建时间</th>
            <th>最近触达</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((lead) => (
            <tr key={lead.id} className="clickable" onClick={() => navigate(`/leads/${lead.id}`)}>
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
              <td>{lead.ownerName ?? '—'}</td>
              <td>{lead.branchId ? (branchName.get(lead.branchId) ?? '—') : '—'}</td>
              <td>{LABELS.pool[lead.pool]}</td>
              <td className="num count">{lead.touchCount}</td>
              <td className="num">{formatDateTime(lead.createdAt)}</td>
              <td className="num">{formatDateTime(lead.lastTouchAt)}</td>
            </tr>
          ))}
          {!page.loading && page.items.length === 0 && !page.error ? (
            <tr>
              <td colSpan={9} className="empty">
                没有符合条件的线索
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>

      <div className="table-footer">
        <span>已加载 {page.items.length} 条</span>
        {page.nextCursor ? (
          <button type="button" disabled={page.loading} onClick={() => void load(page.nextCursor)}>
            加载更多
          </button>
        ) : null}
        {page.loading ? <span>加载中…</span> : null}
      </div>
    </div>
  );
}
