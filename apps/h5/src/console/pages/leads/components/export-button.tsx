import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { LeadExportFormat, LeadFilter, LeadSort } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { startDownload } from '../../../components/download';
import { leadExportUrl } from '../service';

interface ExportButtonProps {
  filter: LeadFilter;
  sort: LeadSort;
  /** The view in words and its total, for the confirmation. */
  description: string;
  total: string | null;
}

const FORMAT_LABELS: Record<LeadExportFormat, string> = { csv: 'CSV（Excel 可直接打开）', xlsx: 'Excel 表格（.xlsx）' };
const SERVED_FORMATS: readonly LeadExportFormat[] = ['csv'];

/**
 * 导出: the current filter as a file the server streams (so a million rows never sit in the browser). Asks first,
 * says phones stay masked and that the export is audited.
 */
export function ExportButton({ filter, sort, description, total }: ExportButtonProps) {
  const api = useApi();
  const { modal, message } = App.useApp();

  function confirmExport(format: LeadExportFormat) {
    modal.confirm({
      title: '导出当前筛选结果？',
      content: (
        <>
          <p>
            将导出{total ? ` ${total}` : ''}线索：{description}。
          </p>
          <p>不归你负责的线索，手机号保持脱敏；本次导出会记入审计日志。</p>
        </>
      ),
      okText: '导出',
      cancelText: '取消',
      onOk: async () => {
        try {
          const url = await leadExportUrl(api, format, filter, sort);
          startDownload(url);
          void message.success('已开始下载，请留意浏览器的下载栏');
        } catch (e) {
          void message.error(`导出失败：${errorMessage(e)}`);
        }
      },
    });
  }

  return (
    <Dropdown
      menu={{
        // The API streams CSV (Excel opens it); .xlsx is offered once the API serves it.
        items: SERVED_FORMATS.map((f) => ({ key: f, label: FORMAT_LABELS[f] })),
        onClick: ({ key }) => confirmExport(key as LeadExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />}>导出</Button>
    </Dropdown>
  );
}
