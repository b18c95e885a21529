import { useState } from 'react';
import { Card, Progress, Segmented, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { STATS_LABELS, type LeaderboardDimension, type LeaderboardMetric, type LeaderboardRow, type StatsQuery } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { formatNumber, formatPercent } from '../../../components/format';
import { tableEmptyText } from '../../../components/list-states';
import { fetchLeaderboard, statsKeys } from '../service';

const METRICS: LeaderboardMetric[] = ['leads', 'shares', 'views', 'converted'];

/** 员工排行 / 门店排行: the top ten on one metric, with their other numbers. */
export function LeaderboardCard({ query, by }: { query: StatsQuery; by: LeaderboardDimension }) {
  const api = useApi();
  const [metric, setMetric] = useState<LeaderboardMetric>('leads');
  const board = useQuery({ queryKey: statsKeys.of(`leaderboard-${by}-${metric}`, query), queryFn: () => fetchLeaderboard(api, query, by, metric) });
  const top = Math.max(1, ...(board.data?.items ?? []).map((r) => r[metric]));
  return (
    <Card
      size="small"
      title={by === 'staff' ? '员工排行' : '门店排行'}
      extra={<Segmented size="small" value={metric} onChange={(v) => setMetric(v as LeaderboardMetric)} options={METRICS.map((m) => ({ value: m, label: STATS_LABELS.funnel[m] }))} />}
    >
      <Table<LeaderboardRow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={board.isFetching}
        dataSource={board.data?.items ?? []}
        locale={{ emptyText: tableEmptyText(board, '所选时间段内没有数据') }}
        columns={[
          { title: '名次', width: 56, render: (_, r) => r.rank },
          { title: by === 'staff' ? '员工' : '门店', render: (_, r) => (by === 'staff' && r.branchName ? `${r.name}（${r.branchName}）` : r.name) },
          { title: STATS_LABELS.funnel[metric], width: 170, render: (_, r) => <Progress percent={Math.round((r[metric] / top) * 100)} format={() => formatNumber(r[metric])} size="small" /> },
          { title: '转化率', width: 80, align: 'right', render: (_, r) => formatPercent(r.conversionRate) },
        ]}
      />
    </Card>
  );
}
