import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { BRAND, STATS_LABELS, type FunnelStep, type StatsQuery } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { fetchTrend, statsKeys } from '../service';
import { ChartCard } from './chart-card';
import { moduleState } from './module-state';

const METRICS: FunnelStep[] = ['leads', 'views', 'uniqueVisitors', 'shares', 'converted'];

/** 每日趋势: one metric (or two) per day of the period. */
export function TrendCard({ query }: { query: StatsQuery }) {
  const api = useApi();
  const [metric, setMetric] = useState<FunnelStep>('leads');
  const trend = useQuery({ queryKey: statsKeys.of('trend', query), queryFn: () => fetchTrend(api, query) });
  const points = trend.data?.points ?? [];
  const option = useMemo(
    () =>
      points.length
        ? {
            color: [BRAND.colorPrimary],
            tooltip: { trigger: 'axis' },
            grid: { left: 40, right: 16, top: 24, bottom: 28 },
            xAxis: { type: 'category', data: points.map((p) => p.date.slice(5)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ name: STATS_LABELS.funnel[metric], type: 'line', smooth: true, areaStyle: { opacity: 0.12 }, data: points.map((p) => p[metric]) }],
          }
        : null,
    [points, metric],
  );
  return (
    <ChartCard
      title="每日趋势"
      option={option}
      state={moduleState(trend, Boolean(trend.data) && points.length === 0)}
      extra={<Segmented size="small" value={metric} onChange={(v) => setMetric(v as FunnelStep)} options={METRICS.map((m) => ({ value: m, label: STATS_LABELS.funnel[m] }))} />}
    />
  );
}
