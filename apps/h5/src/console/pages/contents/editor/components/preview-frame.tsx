import { useEffect, useState } from 'react';
import { Empty, Spin, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ContentDraft } from '@fenji/shared';
import { useApi } from '../../../../api/api-context';
import { ErrorState } from '../../../../components/list-states';
import { contentKeys, previewContent } from '../../service';

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return current;
}

/**
 * 手机预览: the server's real landing render of the unsaved draft, in a sandboxed iframe 390 px wide (no script
 * runs in it, and it cannot reach the console). Refreshes shortly after typing stops.
 */
export function PreviewFrame({ draft, ready }: { draft: ContentDraft | null; ready: boolean }) {
  const api = useApi();
  const debounced = useDebounced(draft, 700);
  const preview = useQuery({
    queryKey: contentKeys.preview(debounced),
    queryFn: () => previewContent(api, debounced!),
    enabled: ready && debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

  return (
    <div>
      <Typography.Text type="secondary">手机预览（客户看到的页面）{preview.isFetching ? <Spin size="small" style={{ marginLeft: 8 }} /> : null}</Typography.Text>
      <div className="preview-phone" style={{ marginTop: 8 }}>
        {!ready || !debounced ? (
          <Empty style={{ marginTop: 120 }} description="填写标题后显示预览" />
        ) : preview.error && !preview.data ? (
          <div style={{ padding: 16 }}>
            <ErrorState title="预览暂不可用" error={preview.error} onRetry={preview.refetch} />
          </div>
        ) : preview.data ? (
          <iframe title="手机预览" sandbox="" srcDoc={preview.data.html} />
        ) : (
          <Spin style={{ display: 'block', marginTop: 120 }} />
        )}
      </div>
    </div>
  );
}
