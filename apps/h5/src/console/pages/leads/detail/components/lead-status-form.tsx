import { Alert, Button, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import {
  LABELS,
  LEAD_STATUS_TRANSITIONS,
  changeLeadStatusRequestSchema,
  type ChangeLeadStatusRequest,
  type LeadListItem,
} from '@fenji/shared';
import { useApi } from '../../../../api/api-context';
import { errorMessage } from '../../../../api/api-error';
import { parseWith, schemaRule } from '../../../../components/schema-form';
import { changeLeadStatus } from '../../service';

interface LeadStatusFormProps {
  lead: Pick<LeadListItem, 'id' | 'status'>;
  onChanged: (lead: LeadListItem) => void;
}

/** 状态: only the next statuses LEAD_STATUS_TRANSITIONS allows from the current one → 更新状态. */
export function LeadStatusForm({ lead, onChanged }: LeadStatusFormProps) {
  const api = useApi();
  const allowed = LEAD_STATUS_TRANSITIONS[lead.status];
  const [form] = Form.useForm<ChangeLeadStatusRequest>();
  const change = useMutation({
    mutationFn: (body: ChangeLeadStatusRequest) => changeLeadStatus(api, lead.id, body),
    onSuccess: (updated) => {
      form.resetFields();
      onChanged(updated);
    },
  });
  if (!allowed.length) return <Typography.Text type="secondary">{LABELS.leadStatus[lead.status]}，状态不可再变更。</Typography.Text>;

  function submit(values: { status?: string; reason?: string }) {
    const parsed = parseWith(changeLeadStatusRequestSchema, { status: values.status, reason: values.reason?.trim() || undefined });
    if (parsed.ok) change.mutate(parsed.data);
  }

  return (
    <Form form={form} name="lead-status" layout="vertical" initialValues={{ status: allowed[0] }} onFinish={submit} onValuesChange={() => change.reset()} aria-label="变更状态">
      <Space align="start" wrap>
        <Form.Item name="status" label="新状态" rules={[schemaRule(changeLeadStatusRequestSchema, 'status')]}>
          <Select style={{ width: 140 }} options={allowed.map((s) => ({ value: s, label: LABELS.leadStatus[s] }))} />
        </Form.Item>
        <Form.Item name="reason" label="变更说明">
          <Input maxLength={200} placeholder="选填" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item label=" ">
          <Button htmlType="submit" loading={change.isPending}>
            更新状态
          </Button>
        </Form.Item>
      </Space>
      {change.error ? <Alert type="error" showIcon role="alert" title={errorMessage(change.error)} /> : null}
    </Form>
  );
}
