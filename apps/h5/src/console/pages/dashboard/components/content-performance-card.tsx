import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { LABELS, type ContentPerformanceRow, type StatsQuery } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { formatNumber, formatPercent } from '../../../components/format';
import { tableEmptyText } from '../../../components/list-states';
import { fetchContentPerformance, statsKeys } from '../service';

/** 内容表现: which contents bring views and leads in the period. */
export function ContentPerformanceCard({ query }: { query: StatsQuery }) {
  const api = useApi();
  const rows = useQuery({ queryKey: statsKeys.of('contents', query), queryFn: () => fetchContentPerformance(api, query) });
  return (
    <Card size="small" title="内容表现">
      <Table<ContentPerformanceRow>
        rowKey="contentId"
        size="small"
        pagination={false}
        loading={rows.isFetching}
        dataSource={rows.data?.items ?? []}
        locale={{ emptyText: tableEmptyText(rows, '所选时间段内没有数据') }}
        columns={[
          { title: '内容', ellipsis: true, render: (_, r) => `《${r.title}》` },
          { title: '类型', width: 60, render: (_, r) => LABELS.contentKind[r.kind] },
          { title: '分享', width: 64, align: 'right', render: (_, r) => formatNumber(r.shares) },
          { title: '浏览', width: 64, align: 'right', render: (_, r) => formatNumber(r.views) },
          { title: '线索', width: 64, align: 'right', render: (_, r) => formatNumber(r.leads) },
          { title: '转化率', width: 76, align: 'right', render: (_, r) => formatPercent(r.conversionRate) },
        ]}
      />
    </Card>
  );
}
