import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { closePrivacyRequestSchema, PRIVACY_REQUEST_KIND_LABELS, type ClosePrivacyRequest, type PrivacyRequest } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { parseWith, schemaRule, showFieldErrors } from '../../../components/schema-form';
import { closePrivacyRequest, privacyRequestKeys } from '../service';

/** 标记已处理: what was done for the customer, recorded with the request and in the audit log. */
export function CloseRequestModal({ request, onClose, onDone }: { request: PrivacyRequest | null; onClose: () => void; onDone: (text: string) => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const close = useMutation({
    mutationFn: (body: ClosePrivacyRequest) => closePrivacyRequest(api, request!.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: privacyRequestKeys.all });
      onDone(`已记录对 ${request?.phone} 的答复`);
      form.resetFields();
    },
  });

  function submit() {
    const parsed = parseWith(closePrivacyRequestSchema, { note: form.getFieldValue('note') ?? '' });
    if (!parsed.ok) return showFieldErrors(form, parsed.errors);
    close.mutate(parsed.data);
  }

  return (
    <Modal
      title={request ? `处理请求：${PRIVACY_REQUEST_KIND_LABELS[request.kind]}` : ''}
      open={request !== null}
      okText="确认已处理"
      confirmLoading={close.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        close.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        请先按客户的要求办理（查阅复制可“导出信息”，删除请在“删除个人信息”中操作），并答复客户 {request?.phone}；再在这里写明处理结果。标记后不能撤销。
      </Typography.Paragraph>
      <Form form={form} name="close-privacy-request" layout="vertical" onFinish={submit} onValuesChange={() => close.reset()}>
        <Form.Item name="note" label="处理结果" rules={[schemaRule(closePrivacyRequestSchema, 'note')]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如：已导出全部信息并通过短信发送给客户" />
        </Form.Item>
      </Form>
      {close.error ? <Alert type="error" showIcon role="alert" title={errorMessage(close.error)} /> : null}
    </Modal>
  );
}
