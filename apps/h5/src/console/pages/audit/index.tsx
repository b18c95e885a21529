import { useEffect, useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_SENSITIVE_ACTIONS,
  AUDIT_TARGET_LABELS,
  LABELS,
  type AuditAction,
  type AuditEntry,
  type AuditListQuery,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { useBranches, useStaffList } from '../../api/lookups';
import { CursorPager } from '../../components/cursor-pager';
import { formatDateTime, formatNumber } from '../../components/format';
import { tableEmptyText } from '../../components/list-states';
import { searchable, staffOptions } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useSearchPatch } from '../../hooks/use-search-patch';
import { useCursorPages } from '../../hooks/use-cursor-pages';
import { dayBoundary } from '../leads/lead-search-params';
import { auditKeys, fetchAuditPage } from './service';

const PAGE_SIZE = 50;
const isAction = (v: string | null): v is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v ?? '');
const actionLabel = (action: string) => (isAction(action) ? AUDIT_ACTION_LABELS[action] : '其他操作');
const targetLabel = (type: string | null) => (type && type in AUDIT_TARGET_LABELS ? AUDIT_TARGET_LABELS[type as keyof typeof AUDIT_TARGET_LABELS] : '');

/** 审计日志: who revealed, exported, assigned, changed what — searchable, filters in the URL. */
export function AuditPage() {
  const api = useApi();
  const staff = useStaffList();
  const branches = useBranches();
  const [params, set, setParams] = useSearchPatch();
  const action = isAction(params.get('action')) ? (params.get('action') as AuditAction) : undefined;
  const actorStaffId = params.get('actorStaffId') ?? undefined;
  const q = params.get('q') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [search, setSearch] = useState(q ?? '');
  useEffect(() => setSearch(q ?? ''), [q]);

  const query: AuditListQuery = {
    action,
    actorStaffId,
    q,
    from: from ? dayBoundary(from, false) : undefined,
    to: to ? dayBoundary(to, true) : undefined,
    limit: PAGE_SIZE,
  };
  const pages = useCursorPages<AuditEntry>({
    queryKey: [...auditKeys.all, query],
    fetchPage: (cursor) => fetchAuditPage(api, { ...query, cursor: cursor ?? undefined }),
  });

  return (
    <div>
      <PageHeader title="审计日志" hint="谁在什么时候查看、导出、分配或修改了什么。记录不可修改。" />
      <Card size="small" className="filter-bar" style={{ marginBottom: 16 }}>
        <Form layout="vertical" role="search" aria-label="筛选审计日志">
          <Row gutter={12} align="bottom">
            <Col span={6}>
              <Form.Item label="搜索" htmlFor="audit-search">
                <Input.Search
                  id="audit-search"
                  allowClear
                  placeholder="人名、客户名、原因"
                  value={search}
                  maxLength={40}
                  onChange={(e) => setSearch(e.target.value)}
                  onSearch={(v) => set({ q: v.trim() || undefined })}
                  enterButton="查询"
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="操作" htmlFor="audit-action">
                <Select
                  id="audit-action"
                  {...searchable}
                  allowClear
                  placeholder="全部"
                  value={action}
                  onChange={(v) => set({ action: v })}
                  options={[
                    { label: '个人信息与线索', options: AUDIT_SENSITIVE_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] })) },
                    {
                      label: '其他',
                      options: AUDIT_ACTIONS.filter((a) => !AUDIT_SENSITIVE_ACTIONS.includes(a)).map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] })),
                    },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item label="操作人" htmlFor="audit-actor">
                <Select
                  id="audit-actor"
                  {...searchable}
                  allowClear
                  placeholder="全部"
                  value={actorStaffId}
                  onChange={(v) => set({ actorStaffId: v })}
                  options={staffOptions(staff.data ?? [], branches.data ?? [])}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="时间" htmlFor="audit-range">
                <DatePicker.RangePicker
                  id={{ start: 'audit-range' }}
                  allowEmpty={[true, true]}
                  value={from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null}
                  onChange={(r: [Dayjs | null, Dayjs | null] | null) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
                />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item>
                <Button onClick={() => setParams({})}>重置</Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={pages.query.isFetching}
        dataSource={pages.items}
        locale={{ emptyText: tableEmptyText(pages.query, '没有符合条件的记录') }}
        columns={[
          { title: '时间', width: 150, render: (_, e) => <span className="num">{formatDateTime(e.at)}</span> },
          {
            title: '操作人',
            width: 150,
            render: (_, e) => (e.actor ? <>{e.actor.name} <Typography.Text type="secondary">{LABELS.role[e.actor.role]}</Typography.Text></> : <Typography.Text type="secondary">系统</Typography.Text>),
          },
          {
            title: '操作',
            width: 140,
            render: (_, e) => <Tag color={AUDIT_SENSITIVE_ACTIONS.includes(e.action as AuditAction) ? 'orange' : 'default'}>{actionLabel(e.action)}</Tag>,
          },
          { title: '对象', width: 160, render: (_, e) => (e.targetLabel ? `${targetLabel(e.targetType)} ${e.targetLabel}`.trim() : '—') },
          { title: '说明', render: (_, e) => e.summary },
          { title: '原因', render: (_, e) => e.reason ?? '—' },
          { title: '数量', width: 80, align: 'right', render: (_, e) => (e.count === null ? '—' : formatNumber(e.count)) },
        ]}
      />
      <CursorPager page={pages.page} hasPrev={pages.hasPrev} hasNext={pages.hasNext} onPrev={pages.prev} onNext={pages.next} loading={pages.query.isFetching} />
    </div>
  );
}
