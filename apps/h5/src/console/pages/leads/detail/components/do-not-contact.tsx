import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { doNotContactRequestSchema, type LeadDetailView } from '@fenji/shared';
import { useApi } from '../../../../api/api-context';
import { errorMessage } from '../../../../api/api-error';
import { formatDateTime } from '../../../../components/format';
import { schemaRule } from '../../../../components/schema-form';
import { setDoNotContact } from '../../service';

/** 不再联系: the customer's wish, shown to everyone; set or cleared with a reason (audited), after a confirmation. */
export function DoNotContact({ lead, onChanged }: { lead: LeadDetailView; onChanged: () => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const marked = lead.doNotContact === true;
  const save = useMutation({
    mutationFn: (reason: string) => setDoNotContact(api, lead.id, { doNotContact: !marked, reason }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void message.success(marked ? '已取消“不再联系”' : `已标记 ${lead.name} 不再联系`);
      onChanged();
    },
  });

  return (
    <>
      {marked ? (
        <Alert
          type="warning"
          showIcon
          title="客户已要求不再联系"
          description={`${formatDateTime(lead.doNotContactAt)}${lead.doNotContactReason ? `，原因：${lead.doNotContactReason}` : ''}。所有员工都不得再联系该客户。`}
          action={<Button size="small" onClick={() => setOpen(true)}>取消标记</Button>}
        />
      ) : (
        <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)}>
          标记不再联系
        </Button>
      )}
      <Modal
        title={marked ? `取消 ${lead.name} 的“不再联系”？` : `标记 ${lead.name} 不再联系？`}
        open={open}
        okText={marked ? '取消标记' : '标记不再联系'}
        okButtonProps={{ danger: !marked }}
        confirmLoading={save.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {marked ? '仅在客户明确同意再次联系时取消。' : '标记后，所有员工都会看到该客户不再接受联系。'}此操作会记入审计日志。
        </Typography.Paragraph>
        <Form form={form} name="do-not-contact" layout="vertical" onFinish={(v) => save.mutate(v.reason.trim())} onValuesChange={() => save.reset()}>
          <Form.Item name="reason" label="原因" rules={[schemaRule(doNotContactRequestSchema, 'reason', (v) => ({ doNotContact: true, ...v }))]}>
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
        </Form>
        {save.error ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} /> : null}
      </Modal>
    </>
  );
}
