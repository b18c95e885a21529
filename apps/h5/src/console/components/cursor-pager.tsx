import { Button, Flex, Select, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { ListTotal } from '@fenji/shared';
import { formatTotal } from './format';

export const PAGE_SIZES = [20, 50, 100] as const;
export const isPageSize = (v: unknown): v is number => (PAGE_SIZES as readonly unknown[]).includes(v);

interface CursorPagerProps {
  page: number;
  hasPrev: boolean;
  hasNext: boolean;
  onPrev: () => void;
  onNext: () => void;
  total?: ListTotal;
  pageSize?: number;
  onPageSize?: (size: number) => void;
  loading?: boolean;
}

/** Under a keyset-paged table: the total (exact or 约), the page number, 上一页 / 下一页, and the page size. */
export function CursorPager({ page, hasPrev, hasNext, onPrev, onNext, total, pageSize, onPageSize, loading }: CursorPagerProps) {
  const count = formatTotal(total);
  return (
    <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 16 }} role="navigation" aria-label="分页">
      {count ? <Typography.Text type="secondary">共 {count}</Typography.Text> : null}
      <Typography.Text>第 {page} 页</Typography.Text>
      <Button icon={<LeftOutlined />} disabled={!hasPrev || loading} onClick={onPrev}>
        上一页
      </Button>
      <Button disabled={!hasNext || loading} onClick={onNext}>
        下一页 <RightOutlined />
      </Button>
      {pageSize && onPageSize ? (
        <Select
          aria-label="每页条数"
          value={pageSize}
          style={{ width: 110 }}
          onChange={onPageSize}
          options={PAGE_SIZES.map((n) => ({ value: n, label: `${n} 条/页` }))}
        />
      ) : null}
    </Flex>
  );
}
