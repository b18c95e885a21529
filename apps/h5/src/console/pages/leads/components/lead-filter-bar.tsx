import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { HEAT_LEVELS, LABELS, LEAD_POOLS, LEAD_QUERY_LABELS, LEAD_STATUSES, SHARE_CHANNELS } from '@fenji/shared';
import { useBranches, useContentOptions, useStaffList, useTags } from '../../../api/lookups';
import { usePermissions } from '../../../app/session-context';
import { searchable, staffOptions } from '../../../components/org-selects';
import type { LeadListMode, LeadUrlFilters } from '../lead-search-params';

interface LeadFilterBarProps {
  filters: LeadUrlFilters;
  mode: LeadListMode;
  onChange: (filters: LeadUrlFilters) => void;
}

type Range = [Dayjs | null, Dayjs | null] | null;
const toRange = (from?: string, to?: string): Range => (from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

const RANGE_PRESETS = [
  { label: '今天', value: [dayjs().startOf('day'), dayjs().endOf('day')] as [Dayjs, Dayjs] },
  { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] as [Dayjs, Dayjs] },
  { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] as [Dayjs, Dayjs] },
  { label: '本月', value: [dayjs().startOf('month'), dayjs()] as [Dayjs, Dayjs] },
];

/**
 * 筛选: every filter of the lead pool. A change applies at once (and lands in the URL); the search box applies on
 * Enter or 查询. Filters the caller's scope fixes are not offered (a branch manager's 门店, the public pool's 归属).
 */
export function LeadFilterBar({ filters, mode, onChange }: LeadFilterBarProps) {
  const permissions = usePermissions();
  const branches = useBranches();
  const staff = useStaffList();
  const contents = useContentOptions();
  const tags = useTags();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const set = (patch: LeadUrlFilters) => {
    const next: LeadUrlFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof LeadUrlFilters)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  const isPublic = mode === 'public';
  const opts = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((v) => ({ value: v, label: labels[v] }));

  return (
    <Card size="small" className="filter-bar" style={{ marginBottom: 16 }}>
      <Form layout="vertical" role="search" aria-label="筛选线索" onFinish={() => set({ q: q.trim() || undefined })}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item label="搜索" htmlFor="lead-search">
              <Input.Search
                id="lead-search"
                allowClear
                placeholder="姓名或手机号数字"
                maxLength={40}
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onSearch={(value) => set({ q: value.trim() || undefined })}
                enterButton="查询"
              />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label="状态" htmlFor="lead-status">
              <Select id="lead-status" allowClear placeholder="全部" value={filters.status} onChange={(v) => set({ status: v })} options={opts(LEAD_STATUSES, LABELS.leadStatus)} />
            </Form.Item>
          </Col>
          {isPublic ? null : (
            <Col span={3}>
              <Form.Item label="公海/私海" htmlFor="lead-pool">
                <Select id="lead-pool" allowClear placeholder="全部" value={filters.pool} onChange={(v) => set({ pool: v })} options={opts(LEAD_POOLS, LABELS.pool)} />
              </Form.Item>
            </Col>
          )}
          {permissions.isHq ? (
            <Col span={3}>
              <Form.Item label="门店" htmlFor="lead-branch">
                <Select
                  id="lead-branch"
                  {...searchable}
                  allowClear
                  placeholder="全部"
                  loading={branches.isPending}
                  value={filters.branchId}
                  onChange={(v) => set({ branchId: v })}
                  options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {isPublic ? null : (
            <Col span={3}>
              <Form.Item label="归属员工" htmlFor="lead-owner">
                <Select
                  id="lead-owner"
                  {...searchable}
                  allowClear
                  placeholder="全部"
                  loading={staff.isPending}
                  value={filters.ownerStaffId}
                  onChange={(v) => set({ ownerStaffId: v })}
                  options={staffOptions(staff.data ?? [], branches.data ?? [])}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={3}>
            <Form.Item label="热度" htmlFor="lead-heat">
              <Select id="lead-heat" allowClear placeholder="全部" value={filters.heat} onChange={(v) => set({ heat: v })} options={opts(HEAT_LEVELS, LEAD_QUERY_LABELS.heat)} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label="跟进" htmlFor="lead-overdue">
              <Checkbox id="lead-overdue" checked={filters.overdue === '1'} onChange={(e) => set({ overdue: e.target.checked ? '1' : undefined })}>
                跟进逾期
              </Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12} align="bottom">
          <Col span={5}>
            <Form.Item label="来源内容" htmlFor="lead-content">
              <Select
                id="lead-content"
                {...searchable}
                allowClear
                placeholder="全部"
                loading={contents.isPending}
                value={filters.contentId}
                onChange={(v) => set({ contentId: v })}
                options={(contents.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
              />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label="来源渠道" htmlFor="lead-channel">
              <Select id="lead-channel" allowClear placeholder="全部" value={filters.channel} onChange={(v) => set({ channel: v })} options={opts(SHARE_CHANNELS, LABELS.channel)} />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item label="标签" htmlFor="lead-tag">
              <Select
                id="lead-tag"
                {...searchable}
                allowClear
                placeholder={tags.error ? '标签暂不可用' : '全部'}
                disabled={Boolean(tags.error)}
                loading={tags.isPending}
                value={filters.tagId}
                onChange={(v) => set({ tagId: v })}
                options={(tags.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="创建时间" htmlFor="lead-created">
              <DatePicker.RangePicker
                id={{ start: 'lead-created' }}
                allowEmpty={[true, true]}
                presets={RANGE_PRESETS}
                value={toRange(filters.from, filters.to)}
                onChange={(r) => set({ from: day(r?.[0]), to: day(r?.[1]) })}
              />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item label="最近触达" htmlFor="lead-touched">
              <DatePicker.RangePicker
                id={{ start: 'lead-touched' }}
                allowEmpty={[true, true]}
                presets={RANGE_PRESETS}
                value={toRange(filters.touchFrom, filters.touchTo)}
                onChange={(r) => set({ touchFrom: day(r?.[0]), touchTo: day(r?.[1]) })}
              />
            </Form.Item>
          </Col>
          <Col span={3}>
            <Form.Item>
              <Button
                onClick={() => {
                  setQ('');
                  onChange({});
                }}
              >
                重置
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
