import { useRef, type ReactNode } from 'react';
import { Button, Card } from 'antd';
import { PictureOutlined } from '@ant-design/icons';
import { startDownload } from '../../../components/download';
import { EChart, type EChartHandle } from './echart';
import type { EChartsCoreOption } from '../echarts';

interface ChartCardProps {
  title: string;
  /** The chart, once its data is loaded; loading/error/empty states otherwise. */
  option: EChartsCoreOption | null;
  state?: ReactNode;
  height?: number;
  extra?: ReactNode;
  /** Numbers shown beside or under the chart. */
  children?: ReactNode;
}

/** A dashboard card with one chart and 导出图片 (PNG). */
export function ChartCard({ title, option, state, height, extra, children }: ChartCardProps) {
  const chart = useRef<EChartHandle>(null);
  return (
    <Card
      title={title}
      size="small"
      extra={
        <>
          {extra}
          <Button
            size="small"
            type="text"
            icon={<PictureOutlined />}
            disabled={!option}
            aria-label={`导出“${title}”图片`}
            onClick={() => {
              const png = chart.current?.toPng();
              if (png) startDownload(png, `${title}.png`);
            }}
          >
            导出图片
          </Button>
        </>
      }
    >
      {option ? <EChart ref={chart} option={option} height={height} label={title} /> : state}
      {children}
    </Card>
  );
}
