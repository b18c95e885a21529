import { useEffect } from 'react';
import { API, toQueryString, type Collision, type CollisionListResponse } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { usePagedList } from '../../api/use-paged-list';
import { formatDateTime } from '../../components/format';
import { ErrorNotice } from '../../components/notice';
import { TableFooter } from '../../components/table-footer';

export const COLLISION_PAGE_SIZE = 50;

/** 撞单: touches by another staff member's share on a protected lead, newest first. Recorded; the owner stays. */
export function CollisionsPage() {
  const api = useApi();
  const { page, load } = usePagedList<Collision>((cursor) =>
    api.get<CollisionListResponse>(API.collisions + toQueryString({ cursor, limit: COLLISION_PAGE_SIZE })),
  );

  useEffect(() => {
    void load(null);
  }, []);

  return (
    <div className="collisions">
      <div className="toolbar">
        <h2>撞单</h2>
        <span className="hint">保护期内的线索被其他员工的分享触达。只做记录，线索仍归原员工。</span>
      </div>
      <ErrorNotice message={page.error} />
      <table className="grid">
        <thead>
          <tr>
            <th>时间</th>
            <th>客户</th>
            <th>归属员工</th>
            <th>撞单员工</th>
            <th>内容</th>
            <th>分享码</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((c) => (
            <tr key={c.id}>
              <td className="num">{formatDateTime(c.at)}</td>
              <td>
                <a href={`#/leads/${encodeURIComponent(c.leadId)}`}>{c.leadName}</a>
              </td>
              <td>{c.ownerName ?? '—'}</td>
              <td>{c.staffName ?? '—'}</td>
              <td className="wide">{c.contentTitle ? `《${c.contentTitle}》` : '—'}</td>
              <td className="mono">{c.shareCode ?? '—'}</td>
            </tr>
          ))}
          {!page.loading && page.items.length === 0 && !page.error ? (
            <tr>
              <td colSpan={6} className="empty">
                暂无撞单记录
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <TableFooter count={page.items.length} loading={page.loading} hasMore={Boolean(page.nextCursor)} onMore={() => void load(page.nextCursor)} />
    </div>
  );
}
