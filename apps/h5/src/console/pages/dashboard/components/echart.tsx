import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { echarts, type EChartsCoreOption } from '../echarts';

export interface EChartHandle {
  /** The chart as a PNG data URL (white background, 2× for print). */
  toPng: () => string | null;
}

interface EChartProps {
  option: EChartsCoreOption;
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
}

/** One ECharts instance in a div: created once, updated with the option, resized with its box, disposed on unmount. */
export const EChart = forwardRef<EChartHandle, EChartProps>(function EChart({ option, height = 280, label }, ref) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }));

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
});
