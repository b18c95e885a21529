import { useState } from 'react';
import { Alert, Form, Modal, Select, Skeleton, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { updateStaffAdminRequestSchema, type Staff, type StaffUpdateResponse } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { useBranches, useStaffList } from '../../../api/lookups';
import { formatNumber } from '../../../components/format';
import { activeStaff, searchable, staffOptions } from '../../../components/org-selects';
import { parseWith } from '../../../components/schema-form';
import { fetchHandoverPreview, updateStaff } from '../service';

const PUBLIC_POOL = '';

/** The sentence after disabling: how many leads went where. */
export function disabledText(staff: Staff, res: StaffUpdateResponse, toName: string | null, previewCount: number | null): string {
  const leads = res.handover?.leads ?? previewCount;
  const to = res.handover ? (res.handover.toStaffName ?? '公海') : (toName ?? '公海');
  return leads === null ? `已停用 ${staff.name}，其私海线索已移交给 ${to}` : `已停用 ${staff.name}，${formatNumber(leads)} 条私海线索已移交给 ${to}`;
}

/**
 * 停用: says how many private leads the staff member holds and who takes them over (a colleague, or the public
 * pool), then 确认停用; the page confirms what happened.
 */
export function DisableStaffModal({ staff, onClose, onDone }: { staff: Staff | null; onClose: () => void; onDone: (text: string) => void }) {
  const api = useApi();
  const staffList = useStaffList();
  const branches = useBranches();
  const [to, setTo] = useState(PUBLIC_POOL);
  const preview = useQuery({
    queryKey: ['staff', staff?.id, 'handover-preview'],
    queryFn: () => fetchHandoverPreview(api, staff!.id),
    enabled: staff !== null,
    staleTime: 0,
  });
  const candidates = activeStaff(staffList.data, staff?.id);
  const toName = to ? (candidates.find((s) => s.id === to)?.name ?? null) : null;
  const disable = useMutation({
    mutationFn: () => {
      const parsed = parseWith(updateStaffAdminRequestSchema, { status: 'disabled', handoverToStaffId: to || null });
      if (!parsed.ok) throw new Error(Object.values(parsed.errors)[0]);
      return updateStaff(api, staff!.id, parsed.data);
    },
    onSuccess: (res) => {
      onDone(disabledText(staff!, res, toName, preview.data?.privateLeads ?? null));
      setTo(PUBLIC_POOL);
    },
  });

  const count = preview.data ? `${formatNumber(preview.data.privateLeads)} 条` : null;
  return (
    <Modal
      title={staff ? `停用 ${staff.name}` : ''}
      open={staff !== null}
      okText="确认停用"
      okButtonProps={{ danger: true }}
      confirmLoading={disable.isPending}
      onOk={() => disable.mutate()}
      onCancel={() => {
        disable.reset();
        setTo(PUBLIC_POOL);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>停用后 {staff?.name} 不能再登录，已分享的链接仍然有效，带来的新线索按规则归属。</Typography.Paragraph>
      <Form layout="vertical" aria-label={staff ? `停用 ${staff.name}` : undefined}>
        <Form.Item label="私海线索移交给" htmlFor="handover-to">
          <Select
            id="handover-to"
            {...searchable}
            value={to}
            onChange={(v) => {
              disable.reset();
              setTo(v);
            }}
            options={[{ value: PUBLIC_POOL, label: '公海' }, ...staffOptions(candidates, branches.data ?? [], staff?.branchId)]}
          />
        </Form.Item>
      </Form>
      {preview.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : null}
      {preview.data ? (
        <Alert
          type="warning"
          showIcon
          data-testid="handover-preview"
          title={`${staff?.name} 名下有 ${count}私海线索，将${to ? `移交给 ${toName}` : '放回公海'}。`}
          description={preview.data.withPlannedFollowUp ? `其中 ${formatNumber(preview.data.withPlannedFollowUp)} 条已约好下次跟进，请提醒接手的同事。` : undefined}
        />
      ) : null}
      {preview.error ? (
        <Alert type="warning" showIcon title={`无法统计名下线索：${errorMessage(preview.error)}`} description={`确认后，其私海线索将${to ? `移交给 ${toName}` : '放回公海'}。`} />
      ) : null}
      {disable.error ? <Alert type="error" showIcon role="alert" title={errorMessage(disable.error)} style={{ marginTop: 12 }} /> : null}
    </Modal>
  );
}
