import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Flex, Image, Input, Popconfirm, Row, Segmented, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import {
  CONTENT_STATUS_LABELS,
  CONTENT_STATUSES,
  EDITABLE_CONTENT_KINDS,
  LABELS,
  type ContentAdminListItem,
  type ContentAdminListQuery,
  type ContentKind,
  type ContentStatus,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { CursorPager } from '../../components/cursor-pager';
import { formatDateTime, formatNumber, formatPercent } from '../../components/format';
import { tableEmptyText } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { useSearchPatch } from '../../hooks/use-search-patch';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import { CategoryCard } from './components/category-card';
import { contentKeys, fetchContentPage, setContentStatus } from './service';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<ContentStatus, string> = { draft: 'default', published: 'green', offline: 'orange' };
const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => ((values as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

/**
 * 内容: every content of every status with its numbers (分享、浏览、线索、转化率), by category and search; 发布 and
 * 下架 (asks first; existing links then show the sharer's card).
 */
export function ContentsPage() {
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [params, set] = useSearchPatch();
  const query: ContentAdminListQuery = {
    status: pick(CONTENT_STATUSES, params.get('status')),
    kind: pick(EDITABLE_CONTENT_KINDS, params.get('kind')) as ContentKind | undefined,
    categoryId: params.get('categoryId') || undefined,
    q: params.get('q') || undefined,
    limit: PAGE_SIZE,
  };
  const [search, setSearch] = useState(query.q ?? '');
  useEffect(() => setSearch(query.q ?? ''), [query.q]);
  const pages = useCursorPages<ContentAdminListItem>({
    queryKey: [...contentKeys.list, query],
    fetchPage: (cursor) => fetchContentPage(api, { ...query, cursor: cursor ?? undefined }),
  });
  const status = useMutation({
    mutationFn: ({ item, to }: { item: ContentAdminListItem; to: 'published' | 'offline' }) => setContentStatus(api, item.id, { status: to }),
    onSuccess: (saved, { to }) => {
      void message.success(to === 'offline' ? `已下架：${saved.title}` : `已发布：${saved.title}`);
      void queryClient.invalidateQueries({ queryKey: contentKeys.all });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  return (
    <div>
      <PageHeader
        title="内容"
        hint="员工分享给客户的产品、文章和活动页。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/contents/new')}>
            新建内容
          </Button>
        }
      />
      <Row gutter={16}>
        <Col span={5}>
          <CategoryCard selected={query.categoryId} onSelect={(id) => set({ categoryId: id })} />
        </Col>
        <Col span={19}>
          <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label="筛选内容">
            <Segmented
              value={query.status ?? 'all'}
              onChange={(v) => set({ status: v === 'all' ? undefined : String(v) })}
              options={[{ value: 'all', label: '全部' }, ...CONTENT_STATUSES.map((s) => ({ value: s, label: CONTENT_STATUS_LABELS[s] }))]}
            />
            <Select
              aria-label="类型"
              allowClear
              placeholder="全部类型"
              style={{ width: 130 }}
              value={query.kind}
              onChange={(v) => set({ kind: v })}
              options={EDITABLE_CONTENT_KINDS.map((k) => ({ value: k, label: LABELS.contentKind[k] }))}
            />
            <Input.Search
              aria-label="搜索内容"
              allowClear
              placeholder="标题或摘要"
              style={{ width: 260 }}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(v) => set({ q: v.trim() || undefined })}
              enterButton="查询"
            />
          </Flex>
          <Table<ContentAdminListItem>
            rowKey="id"
            size="middle"
            pagination={false}
            loading={pages.query.isFetching}
            dataSource={pages.items}
            locale={{ emptyText: tableEmptyText(pages.query, query.q || query.status || query.categoryId ? '没有符合条件的内容' : '还没有内容，点“新建内容”开始') }}
            columns={[
              {
                title: '内容',
                render: (_, c) => (
                  <Flex gap={12} align="center">
                    {c.coverUrl ? <Image src={c.coverUrl} width={64} height={40} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} alt="" /> : null}
                    <div style={{ minWidth: 0 }}>
                      <Link to={`/contents/${encodeURIComponent(c.id)}/edit`}>{c.title}</Link>
                      <div>
                        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                          {LABELS.contentKind[c.kind]}
                          {c.categoryName ? ` · ${c.categoryName}` : ''}
                          {c.summary ? ` · ${c.summary}` : ''}
                        </Typography.Text>
                      </div>
                    </div>
                  </Flex>
                ),
              },
              { title: '状态', width: 90, render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{CONTENT_STATUS_LABELS[c.status]}</Tag> },
              { title: '分享', width: 80, align: 'right', render: (_, c) => formatNumber(c.stats.shares) },
              { title: '浏览', width: 80, align: 'right', render: (_, c) => formatNumber(c.stats.views) },
              { title: '线索', width: 80, align: 'right', render: (_, c) => formatNumber(c.stats.leads) },
              { title: '转化率', width: 90, align: 'right', render: (_, c) => formatPercent(c.stats.conversionRate) },
              { title: '更新时间', width: 150, render: (_, c) => <span className="num">{formatDateTime(c.updatedAt)}</span> },
              {
                title: '操作',
                width: 140,
                render: (_, c) => (
                  <Flex gap={4}>
                    <Button size="small" type="link" onClick={() => navigate(`/contents/${encodeURIComponent(c.id)}/edit`)}>
                      编辑
                    </Button>
                    {c.status === 'published' ? (
                      <Popconfirm
                        title={`下架《${c.title}》？`}
                        description="下架后员工不能再分享；已发出的链接会显示分享人的名片。"
                        okText="下架"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={() => status.mutateAsync({ item: c, to: 'offline' }).catch(() => undefined)}
                      >
                        <Button size="small" type="link" danger>
                          下架
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" type="link" onClick={() => status.mutate({ item: c, to: 'published' })}>
                        {c.status === 'offline' ? '重新发布' : '发布'}
                      </Button>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
          {pages.query.error && pages.items.length ? <Alert type="error" showIcon title="刷新失败，显示的是上次的结果" /> : null}
          <CursorPager page={pages.page} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} total={pages.total} loading={pages.query.isFetching} />
        </Col>
      </Row>
    </div>
  );
}
