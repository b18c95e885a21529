import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { revealPhoneRequestSchema, type RevealPhoneRequest } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { usePermissions } from '../../../app/session-context';
import { schemaRule } from '../../../components/schema-form';
import { leadKeys, revealPhone } from '../service';

interface PhoneCellProps {
  leadId: string;
  leadName: string;
  phone: string;
  masked: boolean;
}

/**
 * A phone as the API gives it (masked unless the caller owns the lead), with 查看 for those who may reveal it:
 * asks why, sends the reason (audited), then shows the full number until the page has been left a while.
 */
export function PhoneCell({ leadId, leadName, phone, masked }: PhoneCellProps) {
  const { canReveal } = usePermissions();
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<RevealPhoneRequest>();
  const revealed = useQuery({ queryKey: leadKeys.revealed(leadId), queryFn: skipToken, staleTime: Infinity, gcTime: 5 * 60_000 });
  const reveal = useMutation({
    mutationFn: (reason: string) => revealPhone(api, leadId, reason),
    onSuccess: (res) => {
      queryClient.setQueryData(leadKeys.revealed(leadId), res.phone);
      setOpen(false);
      form.resetFields();
      void message.success('已显示完整号码，本次查看已记入审计日志');
    },
  });

  const full = revealed.data as string | undefined;
  return (
    <Space size={4} onClick={(e) => e.stopPropagation()}>
      <Typography.Text className="num" copyable={full ? { text: full, tooltips: ['复制', '已复制'] } : false}>
        {full ?? phone}
      </Typography.Text>
      {masked && !full && canReveal ? (
        <Button type="link" size="small" icon={<EyeOutlined />} aria-label={`查看 ${leadName} 的完整手机号`} onClick={() => setOpen(true)}>
          查看
        </Button>
      ) : null}
      <Modal
        title={`查看 ${leadName} 的完整手机号`}
        open={open}
        okText="查看"
        confirmLoading={reveal.isPending}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          reveal.reset();
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">客户的手机号受个人信息保护。查看完整号码会记入审计日志（谁、何时、为什么）。</Typography.Paragraph>
        <Form form={form} name={`reveal-${leadId}`} layout="vertical" onFinish={(v) => reveal.mutate(v.reason.trim())} onValuesChange={() => reveal.reset()}>
          <Form.Item name="reason" label="查看原因" rules={[schemaRule(revealPhoneRequestSchema, 'reason')]}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder="例如：客户来电要求回拨" />
          </Form.Item>
        </Form>
        {reveal.error ? <Typography.Text type="danger" role="alert">{errorMessage(reveal.error)}</Typography.Text> : null}
      </Modal>
    </Space>
  );
}
