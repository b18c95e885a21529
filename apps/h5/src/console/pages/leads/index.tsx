import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Modal, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { LeadPageItem } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { namesById, useBranches, useContentOptions, useStaffList, useTags } from '../../api/lookups';
import { usePermissions } from '../../app/session-context';
import { CursorPager, isPageSize } from '../../components/cursor-pager';
import { formatNumber, formatTotal } from '../../components/format';
import { tableEmptyText } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import { useLocalStorage } from '../../hooks/use-local-storage';
import { AssignLeadForm } from './components/assign-lead-form';
import { BulkActionModal, type BulkTarget } from './components/bulk-action-modal';
import { ExportButton } from './components/export-button';
import { ColumnSettings, DEFAULT_HIDDEN, isColumnList, leadColumns, sortFromTable } from './components/lead-columns';
import { LeadFilterBar } from './components/lead-filter-bar';
import {
  DEFAULT_SORT,
  describeFilters,
  filtersFromSearch,
  sortFromSearch,
  toApiFilter,
  toSearch,
  type LeadListMode,
  type LeadUrlFilters,
} from './lead-search-params';
import { fetchLeadPage, leadKeys } from './service';

const BASE: Record<LeadListMode, string> = { all: '/leads', public: '/pool' };

/**
 * 线索池: every lead in the caller's scope. Filters and sort live in the URL; one request function
 * (fetchLeadPage) drives the table with the filters and the page. Rows open the lead drawer (a child route),
 * can be selected for bulk actions, and the whole filter can be exported or acted on.
 */
export function LeadPoolPage({ mode = 'all' }: { mode?: LeadListMode }) {
  const api = useApi();
  const permissions = usePermissions();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const isPublic = mode === 'public';
  const filters = filtersFromSearch(params, mode);
  const sort = sortFromSearch(params);
  const apiFilter = useMemo(() => toApiFilter(filters, mode), [params.toString(), mode]);
  const [pageSize, setPageSize] = useLocalStorage('fenji.console.leads.pageSize', 50, isPageSize);
  const [hidden, setHidden] = useLocalStorage('fenji.console.leads.hiddenColumns', DEFAULT_HIDDEN, isColumnList);
  const [selected, setSelected] = useState<string[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const [bulk, setBulk] = useState<BulkTarget | null>(null);
  const [assigning, setAssigning] = useState<LeadPageItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const branches = useBranches();
  const staff = useStaffList();
  const contents = useContentOptions();
  const tags = useTags();
  const names = {
    branches: namesById(branches.data),
    staff: namesById(staff.data),
    contents: new Map((contents.data ?? []).map((c) => [c.id, c.title])),
    tags: namesById(tags.data?.items),
  };

  const pages = useCursorPages<LeadPageItem>({
    queryKey: [...leadKeys.pages, apiFilter, sort, pageSize],
    fetchPage: (cursor, first) => fetchLeadPage(api, { filter: apiFilter, sort, cursor, limit: pageSize, withTotal: first }),
  });
  const total = formatTotal(pages.total);
  const description = describeFilters(filters, names, mode);

  function setView(next: LeadUrlFilters, nextSort = sort) {
    setSelected([]);
    setAllMatching(false);
    setNotice(null);
    setParams(toSearch(next, nextSort));
  }

  const detailHref = (id: string) => `${BASE[mode]}/${encodeURIComponent(id)}${location.search}`;
  const columns = leadColumns({
    sort,
    hidden,
    isPublic,
    branchNames: names.branches,
    detailHref,
    action: isPublic
      ? {
          key: 'action',
          title: '操作',
          width: 90,
          fixed: 'right',
          render: (_, lead) => (
            <Button
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                setNotice(null);
                setAssigning(lead);
              }}
            >
              分配
            </Button>
          ),
        }
      : undefined,
  });

  const selectionCount = allMatching ? (total ?? '全部') : `${formatNumber(selected.length)} 条`;

  return (
    <div>
      <PageHeader
        title={isPublic ? '公海' : '线索池'}
        hint={
          isPublic
            ? '无人归属的线索：可分配给员工，员工也可在小程序中领取。'
            : `${permissions.isHq ? '全部' : '本门店'}线索的归属、状态与来源；点击姓名查看详情。`
        }
        extra={
          <>
            <ColumnSettings hidden={hidden} onChange={setHidden} />
            {permissions.canExport ? <ExportButton filter={apiFilter} sort={sort} description={description} total={total} /> : null}
          </>
        }
      />
      <LeadFilterBar filters={filters} mode={mode} onChange={(f) => setView(f)} />

      {notice ? <Alert type="success" showIcon role="status" title={notice} closable={{ onClose: () => setNotice(null) }} style={{ marginBottom: 12 }} /> : null}
      {permissions.canBulk && (selected.length > 0 || allMatching) ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Space wrap>
                <Typography.Text strong>已选 {selectionCount}</Typography.Text>
                {allMatching ? (
                  <Typography.Text type="secondary">全部筛选结果：{description}</Typography.Text>
                ) : pages.hasNext || pages.hasPrev ? (
                  <Button type="link" size="small" onClick={() => setAllMatching(true)}>
                    选择全部筛选结果{total ? `（${total}）` : ''}
                  </Button>
                ) : null}
              </Space>
              <Space>
                <Button
                  type="primary"
                  onClick={() =>
                    setBulk(allMatching ? { kind: 'filter', filter: apiFilter, description, total } : { kind: 'ids', ids: selected })
                  }
                >
                  批量操作
                </Button>
                <Button
                  onClick={() => {
                    setSelected([]);
                    setAllMatching(false);
                  }}
                >
                  清除选择
                </Button>
              </Space>
            </Flex>
          }
        />
      ) : null}

      <Table<LeadPageItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: tableEmptyText(pages.query, isPublic ? '公海里没有符合条件的线索' : '没有符合条件的线索') }}
        rowSelection={
          permissions.canBulk
            ? {
                selectedRowKeys: allMatching ? pages.items.map((l) => l.id) : selected,
                preserveSelectedRowKeys: true,
                getCheckboxProps: () => ({ disabled: allMatching }),
                onChange: (keys) => setSelected(keys.map(String)),
              }
            : undefined
        }
        onRow={(lead) => ({ onClick: () => navigate(detailHref(lead.id)), style: { cursor: 'pointer' } })}
        onChange={(_, __, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          setView(filters, sortFromTable(one?.columnKey, one?.order ?? undefined) ?? DEFAULT_SORT);
        }}
      />
      {pages.query.error && pages.items.length > 0 ? (
        <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title="刷新失败，显示的是上次的结果" />
      ) : null}
      <CursorPager
        page={pages.page}
        hasPrev={pages.hasPrev}
        hasNext={pages.hasNext}
        onPrev={pages.prev}
        onNext={pages.next}
        total={pages.total}
        pageSize={pageSize}
        onPageSize={setPageSize}
        loading={pages.query.isFetching}
      />

      <BulkActionModal
        target={bulk}
        onClose={() => setBulk(null)}
        onDone={() => {
          setSelected([]);
          setAllMatching(false);
        }}
      />
      <Modal title={assigning ? `分配 ${assigning.name}` : ''} open={assigning !== null} footer={null} onCancel={() => setAssigning(null)} destroyOnHidden>
        {assigning ? (
          <AssignLeadForm
            lead={assigning}
            onCancel={() => setAssigning(null)}
            onAssigned={(lead, to) => {
              setAssigning(null);
              setNotice(`已将 ${lead.name} 分配给 ${to}`);
              void queryClient.invalidateQueries({ queryKey: leadKeys.all });
            }}
          />
        ) : null}
      </Modal>
      <Outlet />
    </div>
  );
}

/** 公海: the same table over the public pool, with 分配 on each row. */
export function PublicPoolPage() {
  return <LeadPoolPage key="public" mode="public" />;
}
