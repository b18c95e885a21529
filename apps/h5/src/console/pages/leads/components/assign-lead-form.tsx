import { Alert, Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { assignLeadRequestSchema, type LeadListItem } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { useBranches, useStaffList } from '../../../api/lookups';
import { activeStaff, searchable, staffOptions } from '../../../components/org-selects';
import { parseWith, schemaRule } from '../../../components/schema-form';
import { assignLead } from '../service';

/** The picker's value for 放入公海 (sent as `staffId: null`). */
export const TO_PUBLIC_POOL = 'public-pool';

interface AssignValues {
  staffId?: string;
  reason?: string;
}

const toRequest = (v: Record<string, unknown>): { staffId: string | null | undefined; reason: string } => ({
  staffId: v.staffId === TO_PUBLIC_POOL ? null : (v.staffId as string | undefined),
  reason: (v.reason as string | undefined) ?? '',
});

interface AssignLeadFormProps {
  lead: Pick<LeadListItem, 'id' | 'name' | 'ownerName' | 'ownerStaffId' | 'pool' | 'branchId'>;
  onAssigned: (lead: LeadListItem, to: string) => void;
  onCancel?: () => void;
}

/** 分配/重新分配: 分配给 (an active staff member, or 放入公海) + 原因 → 确认分配. */
export function AssignLeadForm({ lead, onAssigned, onCancel }: AssignLeadFormProps) {
  const api = useApi();
  const staff = useStaffList();
  const branches = useBranches();
  const [form] = Form.useForm<AssignValues>();
  const candidates = activeStaff(staff.data, lead.ownerStaffId);
  const assign = useMutation({
    mutationFn: (body: ReturnType<typeof toRequest>) => assignLead(api, lead.id, { staffId: body.staffId ?? null, reason: body.reason }),
    onSuccess: (updated, body) => {
      const to = body.staffId === null ? '公海' : (updated.ownerName ?? candidates.find((s) => s.id === body.staffId)?.name ?? '');
      form.resetFields();
      onAssigned(updated, to);
    },
  });

  function submit(values: AssignValues) {
    const parsed = parseWith(assignLeadRequestSchema, toRequest(values as Record<string, unknown>));
    if (parsed.ok) assign.mutate(parsed.data);
  }

  const options = [
    ...staffOptions(candidates, branches.data ?? [], lead.branchId),
    ...(lead.pool === 'public' ? [] : [{ value: TO_PUBLIC_POOL, label: '放入公海' }]),
  ];

  return (
    <Form form={form} name={`assign-${lead.id}`} layout="vertical" onFinish={submit} onValuesChange={() => assign.reset()} aria-label={`分配线索 ${lead.name}`}>
      <Typography.Paragraph type="secondary">当前归属：{lead.ownerName ?? (lead.pool === 'public' ? '公海' : '—')}</Typography.Paragraph>
      <Form.Item
        name="staffId"
        label="分配给"
        rules={[{ required: true, message: '请选择分配给谁' }, schemaRule(assignLeadRequestSchema, 'staffId', toRequest)]}
      >
        <Select {...searchable} placeholder={staff.error ? '员工列表加载失败' : '选择员工'} loading={staff.isPending} options={options} />
      </Form.Item>
      <Form.Item name="reason" label="原因" rules={[schemaRule(assignLeadRequestSchema, 'reason', toRequest)]}>
        <Input.TextArea rows={2} maxLength={200} showCount />
      </Form.Item>
      {assign.error ? <Alert type="error" showIcon role="alert" title={errorMessage(assign.error)} style={{ marginBottom: 12 }} /> : null}
      {staff.error ? <Alert type="error" showIcon role="alert" title={`员工列表加载失败：${errorMessage(staff.error)}`} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={assign.isPending}>
          确认分配
        </Button>
        {onCancel ? <Button onClick={onCancel}>取消</Button> : null}
      </Flex>
    </Form>
  );
}
