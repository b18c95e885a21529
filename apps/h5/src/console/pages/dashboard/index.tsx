import { Card, Col, DatePicker, Flex, Form, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { StatsQuery } from '@fenji/shared';
import { useBranches, useContentOptions, useStaffList } from '../../api/lookups';
import { usePermissions } from '../../app/session-context';
import { searchable, staffOptions } from '../../components/org-selects';
import { PageHeader } from '../../components/page-header';
import { useSearchPatch } from '../../hooks/use-search-patch';
import { dayBoundary } from '../leads/lead-search-params';
import { ActivityStrip } from './components/activity-strip';
import { ChainDepthCard, ResharersCard } from './components/chain-card';
import { ContentPerformanceCard } from './components/content-performance-card';
import { FunnelCard } from './components/funnel-card';
import { LeaderboardCard } from './components/leaderboard-card';
import { TrendCard } from './components/trend-card';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PRESETS = [
  { label: '今天', value: [dayjs(), dayjs()] as [Dayjs, Dayjs] },
  { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] as [Dayjs, Dayjs] },
  { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] as [Dayjs, Dayjs] },
  { label: '本月', value: [dayjs().startOf('month'), dayjs()] as [Dayjs, Dayjs] },
  { label: '上月', value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] as [Dayjs, Dayjs] },
];

/** The period of the URL (`from`, `to` days), default the last 7 days. */
export function periodFromSearch(params: URLSearchParams, today: Dayjs = dayjs()): { from: string; to: string } {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (DAY.test(from) && DAY.test(to) && from <= to) return { from, to };
  return { from: today.subtract(6, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

/**
 * 数据看板: the funnel with rates, daily trend, staff and branch leaderboards, content performance, how far shares
 * travel and who re-shares most, for any period, branch, staff member or content; a live strip of new events.
 */
export function DashboardPage() {
  const permissions = usePermissions();
  const branches = useBranches();
  const staff = useStaffList();
  const contents = useContentOptions();
  const [params, set] = useSearchPatch();
  const period = periodFromSearch(params);
  const query: StatsQuery = {
    from: dayBoundary(period.from, false),
    to: dayBoundary(period.to, true),
    branchId: params.get('branchId') || undefined,
    staffId: params.get('staffId') || undefined,
    contentId: params.get('contentId') || undefined,
  };

  return (
    <div>
      <PageHeader title="数据看板" hint="分享、浏览、留资到成交的全过程。" />
      <Card size="small" className="filter-bar" style={{ marginBottom: 16 }}>
        <Form layout="inline" aria-label="看板筛选">
          <Form.Item label="时间" htmlFor="stats-range">
            <DatePicker.RangePicker
              id={{ start: 'stats-range' }}
              allowClear={false}
              presets={PRESETS}
              value={[dayjs(period.from), dayjs(period.to)]}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              onChange={(r) => r?.[0] && r[1] && set({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
            />
          </Form.Item>
          {permissions.isHq ? (
            <Form.Item label="门店" htmlFor="stats-branch">
              <Select
                id="stats-branch"
                {...searchable}
                allowClear
                placeholder="全部门店"
                style={{ width: 160 }}
                value={query.branchId}
                onChange={(v) => set({ branchId: v })}
                options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item label="员工" htmlFor="stats-staff">
            <Select
              id="stats-staff"
              {...searchable}
              allowClear
              placeholder="全部员工"
              style={{ width: 160 }}
              value={query.staffId}
              onChange={(v) => set({ staffId: v })}
              options={staffOptions(staff.data ?? [], branches.data ?? [])}
            />
          </Form.Item>
          <Form.Item label="内容" htmlFor="stats-content">
            <Select
              id="stats-content"
              {...searchable}
              allowClear
              placeholder="全部内容"
              style={{ width: 220 }}
              value={query.contentId}
              onChange={(v) => set({ contentId: v })}
              options={(contents.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
          </Form.Item>
        </Form>
      </Card>
      <ActivityStrip />
      <Flex vertical gap={16}>
        <Row gutter={16}>
          <Col span={12}>
            <FunnelCard query={query} />
          </Col>
          <Col span={12}>
            <TrendCard query={query} />
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={permissions.isHq ? 12 : 24}>
            <LeaderboardCard query={query} by="staff" />
          </Col>
          {permissions.isHq ? (
            <Col span={12}>
              <LeaderboardCard query={query} by="branch" />
            </Col>
          ) : null}
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <ContentPerformanceCard query={query} />
          </Col>
          <Col span={12}>
            <ChainDepthCard query={query} />
          </Col>
        </Row>
        <ResharersCard query={query} />
      </Flex>
    </div>
  );
}
