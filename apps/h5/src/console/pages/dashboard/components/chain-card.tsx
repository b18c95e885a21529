import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { BRAND, type ResharerRow, type StatsQuery } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { formatNumber } from '../../../components/format';
import { tableEmptyText } from '../../../components/list-states';
import { fetchChainDepth, fetchResharers, statsKeys } from '../service';
import { ChartCard } from './chart-card';
import { moduleState } from './module-state';

const depthName = (depth: number, orDeeper: boolean) => (depth === 0 ? '员工分享' : `第 ${depth} 层转发${orDeeper ? '及以后' : ''}`);

/** 转发深度: views and leads by how many re-shares away from the staff member they came. */
export function ChainDepthCard({ query }: { query: StatsQuery }) {
  const api = useApi();
  const depth = useQuery({ queryKey: statsKeys.of('chain-depth', query), queryFn: () => fetchChainDepth(api, query) });
  const buckets = depth.data?.buckets ?? [];
  const option = buckets.length
    ? {
        color: [BRAND.colorPrimary, '#91caff'],
        tooltip: { trigger: 'axis' },
        legend: { data: ['浏览', '线索'], top: 0 },
        grid: { left: 40, right: 16, top: 32, bottom: 28 },
        xAxis: { type: 'category', data: buckets.map((b) => depthName(b.depth, b.orDeeper)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '浏览', type: 'bar', data: buckets.map((b) => b.views) },
          { name: '线索', type: 'bar', data: buckets.map((b) => b.leads) },
        ],
      }
    : null;
  return <ChartCard title="转发深度" option={option} state={moduleState(depth, Boolean(depth.data) && buckets.length === 0)} />;
}

/** 转发最多的客户: customers whose re-shares brought the most views and leads. */
export function ResharersCard({ query }: { query: StatsQuery }) {
  const api = useApi();
  const rows = useQuery({ queryKey: statsKeys.of('resharers', query), queryFn: () => fetchResharers(api, query) });
  return (
    <Card size="small" title="转发最多的客户">
      <Table<ResharerRow>
        rowKey={(r) => `${r.rank}-${r.label}`}
        size="small"
        pagination={false}
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        locale={{ emptyText: tableEmptyText(rows, '所选时间段内没有客户转发') }}
        columns={[
          { title: '名次', width: 56, render: (_, r) => r.rank },
          { title: '客户', render: (_, r) => r.label },
          { title: '所属员工', render: (_, r) => r.staffName ?? '—' },
          { title: '转发', width: 64, align: 'right', render: (_, r) => formatNumber(r.reshares) },
          { title: '带来浏览', width: 80, align: 'right', render: (_, r) => formatNumber(r.views) },
          { title: '带来线索', width: 80, align: 'right', render: (_, r) => formatNumber(r.leads) },
        ]}
      />
    </Card>
  );
}
