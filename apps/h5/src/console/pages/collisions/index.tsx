import { useState } from 'react';
import { Alert, Button, Segmented, Table, Tag, Typography } from 'antd';
import { Link, Outlet, useLocation, useSearchParams } from 'react-router';
import { COLLISION_STATE_LABELS, COLLISION_STATES, LABELS, type CollisionState, type CollisionView } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { CursorPager } from '../../components/cursor-pager';
import { formatDateTime } from '../../components/format';
import { tableEmptyText } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import { ResolveCollisionModal } from './components/resolve-collision-modal';
import { collisionKeys, fetchCollisionPage } from './service';

export const COLLISION_PAGE_SIZE = 50;
const STATE_COLORS: Record<CollisionState, string> = { open: 'orange', kept: 'default', reassigned: 'blue' };

/**
 * 撞单: touches by another staff member's share on a protected lead. The owner stays until someone resolves it:
 * 维持原归属 or 改派, each with a reason.
 */
export function CollisionsPage() {
  const api = useApi();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const stateParam = params.get('state');
  const state = (COLLISION_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as CollisionState) : undefined;
  const [resolving, setResolving] = useState<CollisionView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pages = useCursorPages<CollisionView>({
    queryKey: [...collisionKeys.all, state],
    fetchPage: (cursor) => fetchCollisionPage(api, state, cursor, COLLISION_PAGE_SIZE),
  });

  return (
    <div>
      <PageHeader title="撞单" hint="保护期内的线索被其他员工的分享触达。线索仍归原员工，直到有人处理。" />
      <Segmented
        style={{ marginBottom: 16 }}
        value={state ?? 'all'}
        onChange={(v) => {
          setNotice(null);
          setParams(v === 'all' ? {} : { state: String(v) });
        }}
        options={[{ value: 'all', label: '全部' }, ...COLLISION_STATES.map((s) => ({ value: s, label: COLLISION_STATE_LABELS[s] }))]}
      />
      {notice ? <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 12 }} /> : null}
      <Table<CollisionView>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={pages.query.isFetching}
        dataSource={pages.items}
        locale={{ emptyText: tableEmptyText(pages.query, '暂无撞单记录') }}
        columns={[
          { title: '时间', width: 150, render: (_, c) => <span className="num">{formatDateTime(c.at)}</span> },
          { title: '客户', render: (_, c) => <Link to={`/collisions/${encodeURIComponent(c.leadId)}${location.search}`}>{c.leadName}</Link> },
          { title: '归属员工', render: (_, c) => c.ownerName ?? '—' },
          { title: '撞单员工', render: (_, c) => c.staffName ?? '—' },
          {
            title: '触达内容',
            render: (_, c) => (c.contentTitle ? `《${c.contentTitle}》${c.channel ? ` · ${LABELS.channel[c.channel]}` : ''}` : '—'),
          },
          { title: '保护期至', render: (_, c) => <span className="num">{formatDateTime(c.protectedUntil)}</span> },
          {
            title: '处理',
            render: (_, c) =>
              c.state === undefined ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                <span>
                  <Tag color={STATE_COLORS[c.state]}>{COLLISION_STATE_LABELS[c.state]}</Tag>
                  {c.resolvedByName ? <Typography.Text type="secondary">{c.resolvedByName}</Typography.Text> : null}
                </span>
              ),
          },
          {
            title: '操作',
            width: 100,
            render: (_, c) =>
              c.state === 'open' || c.state === undefined ? (
                <Button
                  size="small"
                  onClick={() => {
                    setNotice(null);
                    setResolving(c);
                  }}
                >
                  处理
                </Button>
              ) : null,
          },
        ]}
      />
      <CursorPager page={pages.page} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} loading={pages.query.isFetching} />
      <ResolveCollisionModal
        collision={resolving}
        onClose={() => setResolving(null)}
        onDone={(text) => {
          setResolving(null);
          setNotice(text);
        }}
      />
      <Outlet />
    </div>
  );
}
