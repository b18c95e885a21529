import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { API, eraseSubjectRequestSchema, type EraseSubjectRequest, type EraseSubjectResponse } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { parseWith, schemaRule, showFieldErrors } from '../../../components/schema-form';

/** 删除个人信息: anonymises everything held under the phone; asks for the reason and says what cannot be undone. */
export function EraseSubjectModal({ phone, onClose, onDone }: { phone: string | null; onClose: () => void; onDone: (text: string) => void }) {
  const api = useApi();
  const [form] = Form.useForm<{ reason?: string }>();
  const erase = useMutation({
    mutationFn: (body: EraseSubjectRequest) => api.post<EraseSubjectResponse>(API.privacySubjectsErase, body),
    onSuccess: (res) => {
      onDone(res.erased ? `已删除 ${phone} 的个人信息（${res.erased} 条线索已匿名化）` : `系统中没有 ${phone} 的个人信息，无需删除`);
      form.resetFields();
    },
  });

  function submit() {
    const parsed = parseWith(eraseSubjectRequestSchema, { phone, reason: form.getFieldValue('reason') ?? '' });
    if (!parsed.ok) return showFieldErrors(form, parsed.errors);
    erase.mutate(parsed.data);
  }

  return (
    <Modal
      title={`删除 ${phone ?? ''} 的个人信息`}
      open={phone !== null}
      okText="确认删除"
      okButtonProps={{ danger: true }}
      confirmLoading={erase.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        erase.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        客户的姓名、手机号、留言和跟进记录内容将被删除，访问记录一并删除；线索数量和操作记录保留。删除后，这个手机号在系统中查不到，<Typography.Text strong>无法恢复</Typography.Text>。
      </Typography.Paragraph>
      <Form form={form} name="erase-subject" layout="vertical" onFinish={submit} onValuesChange={() => erase.reset()}>
        <Form.Item name="reason" label="删除原因" rules={[schemaRule(eraseSubjectRequestSchema, 'reason', (v) => ({ phone, ...v }))]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="例如：客户通过个人信息请求页面要求删除" />
        </Form.Item>
      </Form>
      {erase.error ? <Alert type="error" showIcon role="alert" title={errorMessage(erase.error)} /> : null}
    </Modal>
  );
}
