import { Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { BRAND, FUNNEL_STEPS, STATS_LABELS, rate, type Funnel, type StatsQuery } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { formatNumber, formatPercent } from '../../../components/format';
import { fetchFunnel, statsKeys } from '../service';
import { ChartCard } from './chart-card';
import { moduleState } from './module-state';

/** Each step's rate: of the step before it (visitors → leads is the conversion rate). */
export function funnelRates(f: Funnel): Array<{ step: (typeof FUNNEL_STEPS)[number]; value: number; rate: number | null }> {
  return FUNNEL_STEPS.map((step, i) => ({ step, value: f[step], rate: i === 0 ? null : rate(f[step], f[FUNNEL_STEPS[i - 1]!]) }));
}

/** 转化漏斗: shares → views → unique visitors → leads → contacted → converted, with the rate of each step. */
export function FunnelCard({ query }: { query: StatsQuery }) {
  const api = useApi();
  const funnel = useQuery({ queryKey: statsKeys.of('funnel', query), queryFn: () => fetchFunnel(api, query) });
  const rows = funnel.data ? funnelRates(funnel.data) : [];
  const option = funnel.data && funnel.data.shares + funnel.data.views > 0
    ? {
        color: [BRAND.colorPrimary],
        tooltip: { trigger: 'item', formatter: '{b}：{c}' },
        series: [
          {
            type: 'funnel',
            sort: 'none',
            minSize: '8%',
            left: '10%',
            width: '80%',
            label: { show: true, position: 'inside', formatter: '{b} {c}' },
            itemStyle: { opacity: 0.85 },
            data: rows.map((r, i) => ({ name: STATS_LABELS.funnel[r.step], value: r.value, itemStyle: { opacity: 1 - i * 0.12 } })),
          },
        ],
      }
    : null;
  return (
    <ChartCard title="转化漏斗" option={option} height={260} state={moduleState(funnel, Boolean(funnel.data) && !option)}>
      {funnel.data ? (
        <Row gutter={8} style={{ marginTop: 12 }} data-testid="funnel-numbers">
          {rows.map((r) => (
            <Col span={4} key={r.step}>
              <Statistic title={STATS_LABELS.funnel[r.step]} value={formatNumber(r.value)} />
              <Typography.Text type="secondary">{r.rate === null ? '起点' : `转化 ${formatPercent(r.rate)}`}</Typography.Text>
            </Col>
          ))}
        </Row>
      ) : null}
    </ChartCard>
  );
}
