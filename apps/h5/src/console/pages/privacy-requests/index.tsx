import { useState } from 'react';
import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  PRIVACY_REQUEST_KIND_LABELS,
  PRIVACY_REQUEST_STATUS_LABELS,
  PRIVACY_REQUEST_STATUSES,
  type PrivacyRequest,
  type PrivacyRequestStatus,
} from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { formatDateTime } from '../../components/format';
import { tableEmptyText } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { useSearchPatch } from '../../hooks/use-search-patch';
import { CloseRequestModal } from './components/close-request-modal';
import { EraseSubjectModal } from './components/erase-subject-modal';
import { fetchPrivacyRequests, fetchSubject, privacyRequestKeys } from './service';

const isStatus = (v: string | null): v is PrivacyRequestStatus => (PRIVACY_REQUEST_STATUSES as readonly string[]).includes(v ?? '');

/** 2026-12-21 → 2026年12月21日 */
const dayInWords = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function Deadline({ request }: { request: PrivacyRequest }) {
  const left = request.workingDaysLeft;
  const tag =
    left === null ? null : left < 0 ? <Tag color="red">已逾期 {-left} 个工作日</Tag> : left === 0 ? <Tag color="orange">今天到期</Tag> : <Tag color={left <= 3 ? 'orange' : 'blue'}>剩余 {left} 个工作日</Tag>;
  return (
    <Space size={4} wrap>
      <span className="num">{dayInWords(request.dueDate)}</span>
      {tag}
    </Space>
  );
}

/** 个人信息请求: customers' PIPL requests from the landing pages, each with its 15-working-day deadline (HQ only). */
export function PrivacyRequestsPage() {
  const api = useApi();
  const [params, , setParams] = useSearchPatch();
  const raw = params.get('status');
  const status: PrivacyRequestStatus | undefined = raw === 'all' ? undefined : isStatus(raw) ? raw : 'open';
  const query = useQuery({ queryKey: [...privacyRequestKeys.all, status ?? 'all'], queryFn: () => fetchPrivacyRequests(api, status) });
  const [closing, setClosing] = useState<PrivacyRequest | null>(null);
  const [erasing, setErasing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const exportSubject = useMutation({
    mutationFn: (phone: string) => fetchSubject(api, phone),
    onSuccess: (subject) => {
      const url = URL.createObjectURL(new Blob([JSON.stringify(subject, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `个人信息-${subject.phone}.json`;
      link.click();
      URL.revokeObjectURL(url);
      setNotice(subject.leads.length ? `已导出 ${subject.phone} 的信息（${subject.leads.length} 条线索），已记入审计日志` : `系统中没有 ${subject.phone} 的信息，导出的文件为空`);
    },
  });

  return (
    <div>
      <PageHeader title="个人信息请求" hint="客户在分享页面底部“个人信息请求”中提交，已用短信验证码核实本人。依法须在 15 个工作日内处理并答复（节假日未计入，期限只会提前）。" />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status ?? 'all'}
        onChange={(v) => {
          setNotice(null);
          setParams(v === 'open' ? {} : { status: String(v) });
        }}
        options={[...PRIVACY_REQUEST_STATUSES.map((s) => ({ value: s, label: PRIVACY_REQUEST_STATUS_LABELS[s] })), { value: 'all', label: '全部' }]}
      />
      {notice ? <Alert type="success" showIcon role="status" title={notice} style={{ marginBottom: 12 }} /> : null}
      {exportSubject.error ? <Alert type="error" showIcon role="alert" title={`导出失败：${errorMessage(exportSubject.error)}`} style={{ marginBottom: 12 }} /> : null}
      <Table<PrivacyRequest>
        rowKey="id"
        size="middle"
        pagination={false}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: tableEmptyText(query, status === 'open' ? '没有待处理的请求' : '暂无请求') }}
        columns={[
          { title: '提交时间', width: 140, render: (_, r) => <span className="num">{formatDateTime(r.createdAt)}</span> },
          { title: '手机号', width: 120, render: (_, r) => <span className="num">{r.phone}</span> },
          { title: '请求', width: 130, render: (_, r) => PRIVACY_REQUEST_KIND_LABELS[r.kind] },
          { title: '客户说明', render: (_, r) => r.message ?? <Typography.Text type="secondary">—</Typography.Text> },
          { title: '答复期限', width: 170, render: (_, r) => <Deadline request={r} /> },
          {
            title: '状态',
            width: 180,
            render: (_, r) =>
              r.status === 'done' ? (
                <Space direction="vertical" size={0}>
                  <span>
                    <Tag color="green">{PRIVACY_REQUEST_STATUS_LABELS.done}</Tag>
                    <Typography.Text type="secondary">{r.handledByName ?? ''} {formatDateTime(r.handledAt)}</Typography.Text>
                  </span>
                  <Typography.Text type="secondary">{r.note}</Typography.Text>
                </Space>
              ) : (
                <Tag color="gold">{PRIVACY_REQUEST_STATUS_LABELS.open}</Tag>
              ),
          },
          {
            title: '操作',
            width: 200,
            render: (_, r) => (
              <Space size={4} wrap>
                <Button size="small" loading={exportSubject.isPending && exportSubject.variables === r.phone} onClick={() => exportSubject.mutate(r.phone)}>
                  导出信息
                </Button>
                {r.kind === 'erase' || r.kind === 'withdraw' ? (
                  <Button size="small" danger onClick={() => (setNotice(null), setErasing(r.phone))}>
                    删除个人信息
                  </Button>
                ) : null}
                {r.status === 'open' ? (
                  <Button size="small" type="primary" onClick={() => (setNotice(null), setClosing(r))}>
                    标记已处理
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <CloseRequestModal
        request={closing}
        onClose={() => setClosing(null)}
        onDone={(text) => {
          setClosing(null);
          setNotice(text);
        }}
      />
      <EraseSubjectModal
        phone={erasing}
        onClose={() => setErasing(null)}
        onDone={(text) => {
          setErasing(null);
          setNotice(text);
        }}
      />
    </div>
  );
}
