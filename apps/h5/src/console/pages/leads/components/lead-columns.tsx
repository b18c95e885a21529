import { Button, Checkbox, Flex, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router';
import { LABELS, type LeadPageItem, type LeadSort } from '@fenji/shared';
import { formatDateTime, formatNumber, formatShortDateTime } from '../../../components/format';
import { DoNotContactTag, HeatTag, StatusTag } from './lead-tags';
import { PhoneCell } from './phone-cell';

/** Columns a user may hide (姓名 always shows). */
export const OPTIONAL_COLUMNS = [
  ['phone', '手机号'],
  ['status', '状态'],
  ['heat', '热度'],
  ['owner', '归属员工'],
  ['branch', '门店'],
  ['pool', '公海私海'],
  ['source', '来源'],
  ['tags', '标签'],
  ['touchCount', '触达次数'],
  ['createdAt', '创建时间'],
  ['lastTouchAt', '最近触达'],
  ['followUp', '跟进'],
] as const;
export type LeadColumnKey = (typeof OPTIONAL_COLUMNS)[number][0];
/** Hidden until chosen in 列设置, so the default columns fit 1280 px without scrolling. */
export const DEFAULT_HIDDEN: LeadColumnKey[] = ['source', 'tags', 'touchCount'];
export const isColumnList = (v: unknown): v is LeadColumnKey[] =>
  Array.isArray(v) && v.every((k) => OPTIONAL_COLUMNS.some(([key]) => key === k));

/** Sortable columns and the sort each direction means. */
const SORTS: Record<string, { ascend: LeadSort; descend: LeadSort }> = {
  createdAt: { ascend: 'created_asc', descend: 'created_desc' },
  lastTouchAt: { ascend: 'last_touch_asc', descend: 'last_touch_desc' },
  heat: { ascend: 'heat_asc', descend: 'heat_desc' },
};

export function sortFromTable(columnKey: unknown, order: SortOrder | undefined): LeadSort | null {
  const sort = typeof columnKey === 'string' ? SORTS[columnKey] : undefined;
  return sort && order ? sort[order] : null;
}

function orderOf(columnKey: string, sort: LeadSort): SortOrder {
  const s = SORTS[columnKey];
  return s?.ascend === sort ? 'ascend' : s?.descend === sort ? 'descend' : null;
}

interface ColumnOptions {
  sort: LeadSort;
  hidden: readonly LeadColumnKey[];
  isPublic: boolean;
  branchNames: Map<string, string>;
  /** The detail link keeps the list's query string. */
  detailHref: (id: string) => string;
  /** Extra trailing column (公海: 分配). */
  action?: ColumnsType<LeadPageItem>[number];
}

export function leadColumns({ sort, hidden, isPublic, branchNames, detailHref, action }: ColumnOptions): ColumnsType<LeadPageItem> {
  const all: Array<ColumnsType<LeadPageItem>[number] & { key: string }> = [
    {
      key: 'name',
      title: '姓名',
      fixed: 'left',
      width: 130,
      render: (_, lead) => (
        <Space size={4}>
          <Link to={detailHref(lead.id)} onClick={(e) => e.stopPropagation()}>
            {lead.name}
          </Link>
          {lead.doNotContact ? <DoNotContactTag /> : null}
        </Space>
      ),
    },
    { key: 'phone', title: '手机号', width: 150, render: (_, l) => <PhoneCell leadId={l.id} leadName={l.name} phone={l.phone} masked={l.phoneMasked} /> },
    { key: 'status', title: '状态', width: 80, render: (_, l) => <StatusTag status={l.status} /> },
    { key: 'heat', title: '热度', width: 100, sorter: true, sortDirections: ['descend', 'ascend'], sortOrder: orderOf('heat', sort), render: (_, l) => <HeatTag heat={l.heat} /> },
    { key: 'owner', title: '归属员工', width: 90, render: (_, l) => l.ownerName ?? '—' },
    { key: 'branch', title: '门店', width: 110, render: (_, l) => l.branchName ?? (l.branchId ? (branchNames.get(l.branchId) ?? '—') : '—') },
    { key: 'pool', title: '公海私海', width: 90, render: (_, l) => LABELS.pool[l.pool] },
    {
      key: 'source',
      title: '来源',
      width: 200,
      ellipsis: true,
      render: (_, l) =>
        l.source ? (
          <Tooltip title={`《${l.source.contentTitle}》· ${LABELS.channel[l.source.channel]}`}>
            《{l.source.contentTitle}》<Typography.Text type="secondary"> · {LABELS.channel[l.source.channel]}</Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { key: 'tags', title: '标签', width: 160, render: (_, l) => (l.tags?.length ? l.tags.map((t) => <Tag key={t.id}>{t.name}</Tag>) : '—') },
    { key: 'touchCount', title: '触达次数', width: 90, align: 'right', render: (_, l) => <span className="num">{formatNumber(l.touchCount)}</span> },
    { key: 'createdAt', title: '创建时间', width: 110, sorter: true, sortDirections: ['descend', 'ascend'], sortOrder: orderOf('createdAt', sort), render: (_, l) => <span className="num" title={formatDateTime(l.createdAt)}>{formatShortDateTime(l.createdAt)}</span> },
    { key: 'lastTouchAt', title: '最近触达', width: 110, sorter: true, sortDirections: ['descend', 'ascend'], sortOrder: orderOf('lastTouchAt', sort), render: (_, l) => <span className="num" title={formatDateTime(l.lastTouchAt)}>{formatShortDateTime(l.lastTouchAt)}</span> },
    {
      key: 'followUp',
      title: '跟进',
      width: 130,
      render: (_, l) =>
        l.followUpOverdue ? (
          <Tag color="red">跟进逾期{l.nextFollowUpAt ? ` · ${formatShortDateTime(l.nextFollowUpAt)}` : ''}</Tag>
        ) : l.nextFollowUpAt ? (
          <span className="num">下次 {formatShortDateTime(l.nextFollowUpAt)}</span>
        ) : l.lastFollowUpAt ? (
          <span className="num">上次 {formatShortDateTime(l.lastFollowUpAt)}</span>
        ) : (
          <Typography.Text type="secondary">未跟进</Typography.Text>
        ),
    },
  ];
  const outOfPublic = new Set(['owner', 'pool']);
  const shown = all.filter((c) => !hidden.includes(c.key as LeadColumnKey) && !(isPublic && outOfPublic.has(c.key)));
  return action ? [...shown, action] : shown;
}

/** 列设置: which optional columns show; kept per browser. */
export function ColumnSettings({ hidden, onChange }: { hidden: readonly LeadColumnKey[]; onChange: (hidden: LeadColumnKey[]) => void }) {
  const visible = OPTIONAL_COLUMNS.map(([k]) => k).filter((k) => !hidden.includes(k));
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title="显示的列"
      content={
        <Flex vertical gap={8}>
          <Checkbox.Group
            style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 6 }}
            value={visible}
            onChange={(values) => onChange(OPTIONAL_COLUMNS.map(([k]) => k).filter((k) => !values.includes(k)))}
            options={OPTIONAL_COLUMNS.map(([value, label]) => ({ value, label }))}
          />
          <Button size="small" onClick={() => onChange(DEFAULT_HIDDEN)}>
            恢复默认
          </Button>
        </Flex>
      }
    >
      <Button icon={<SettingOutlined />}>列设置</Button>
    </Popover>
  );
}
