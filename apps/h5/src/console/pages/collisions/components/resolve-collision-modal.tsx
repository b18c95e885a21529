import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { resolveCollisionRequestSchema, type CollisionView, type ResolveCollisionRequest } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { useBranches, useStaffList } from '../../../api/lookups';
import { activeStaff, searchable, staffOptions } from '../../../components/org-selects';
import { parseWith, schemaRule, showFieldErrors } from '../../../components/schema-form';
import { collisionKeys, resolveCollision } from '../service';

interface Values {
  action: 'keep' | 'reassign';
  toStaffId?: string;
  reason?: string;
}

const toRequest = (v: Record<string, unknown>) => ({
  action: v.action,
  toStaffId: v.action === 'reassign' ? v.toStaffId : undefined,
  reason: v.reason ?? '',
});

/** 处理撞单: 维持原归属, or 改派 (by default to the staff member whose share collided), with a reason. */
export function ResolveCollisionModal({ collision, onClose, onDone }: { collision: CollisionView | null; onClose: () => void; onDone: (text: string) => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const staff = useStaffList();
  const branches = useBranches();
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form) ?? 'keep';
  const resolve = useMutation({
    mutationFn: (body: ResolveCollisionRequest) => resolveCollision(api, collision!.id, body),
    onSuccess: (_, body) => {
      void queryClient.invalidateQueries({ queryKey: collisionKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
      const to = body.toStaffId ? staff.data?.find((s) => s.id === body.toStaffId)?.name : collision?.staffName;
      onDone(body.action === 'keep' ? `已维持 ${collision?.leadName} 归属 ${collision?.ownerName ?? '原员工'}` : `已将 ${collision?.leadName} 改派给 ${to ?? '所选员工'}`);
      form.resetFields();
    },
  });

  function submit() {
    const values = form.getFieldsValue(true) as Record<string, unknown>;
    const parsed = parseWith(resolveCollisionRequestSchema, toRequest({ ...values, toStaffId: values.toStaffId ?? collision?.staffId }));
    if (!parsed.ok) return showFieldErrors(form, parsed.errors);
    resolve.mutate(parsed.data);
  }

  return (
    <Modal
      title={collision ? `处理撞单：${collision.leadName}` : ''}
      open={collision !== null}
      okText="确认处理"
      confirmLoading={resolve.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        resolve.reset();
        onClose();
      }}
      destroyOnHidden
    >
      {collision ? (
        <Typography.Paragraph>
          {collision.staffName ?? '另一位员工'} 的分享触达了 {collision.ownerName ?? '原员工'} 保护期内的客户 {collision.leadName}
          {collision.contentTitle ? `（《${collision.contentTitle}》）` : ''}。线索目前仍归 {collision.ownerName ?? '原员工'}。
        </Typography.Paragraph>
      ) : null}
      <Form
        form={form}
        name="resolve-collision"
        layout="vertical"
        initialValues={{ action: 'keep' }}
        onFinish={submit}
        onValuesChange={() => resolve.reset()}
      >
        <Form.Item name="action" label="处理方式">
          <Radio.Group
            options={[
              { value: 'keep', label: `维持原归属（${collision?.ownerName ?? '原员工'}）` },
              { value: 'reassign', label: '改派' },
            ]}
          />
        </Form.Item>
        {action === 'reassign' ? (
          <Form.Item name="toStaffId" label="改派给" initialValue={collision?.staffId} extra="默认改派给撞单的员工。">
            <Select {...searchable} options={staffOptions(activeStaff(staff.data, collision?.ownerStaffId), branches.data ?? [])} />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label="原因" rules={[schemaRule(resolveCollisionRequestSchema, 'reason', toRequest)]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="例如：客户指定由原顾问继续服务" />
        </Form.Item>
      </Form>
      {resolve.error ? <Alert type="error" showIcon role="alert" title={errorMessage(resolve.error)} /> : null}
    </Modal>
  );
}
