import { Alert, Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import {
  LABELS,
  ROLES,
  createStaffRequestSchema,
  normalizePhone,
  updateStaffAdminRequestSchema,
  type Role,
  type Staff,
} from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { useBranches } from '../../../api/lookups';
import { useSession, usePermissions } from '../../../app/session-context';
import { parseWith, schemaRule } from '../../../components/schema-form';
import { createStaff, updateStaff } from '../service';

interface Values {
  name?: string;
  phone?: string;
  role?: Role;
  branchId?: string;
}

/** '' in the picker means 总部 (no branch). */
const toInput = (v: Record<string, unknown>) => ({ ...v, branchId: v.branchId ? v.branchId : null });

interface StaffFormModalProps {
  /** Editing this staff member; adding when null and `open`. */
  staff: Staff | null;
  open: boolean;
  onClose: () => void;
  onSaved: (staff: Staff, created: boolean) => void;
}

/**
 * 添加员工 / 编辑员工: name, (phone when adding), role and branch — checked with the shared schemas. A branch
 * manager adds staff to their own branch only and cannot change roles.
 */
export function StaffFormModal({ staff, open, onClose, onSaved }: StaffFormModalProps) {
  const api = useApi();
  const { user } = useSession();
  const { editRoles, isHq } = usePermissions();
  const branches = useBranches();
  const [form] = Form.useForm<Values>();
  const editing = staff !== null;
  // An HQ admin belongs to no branch: the API refuses one, so the form offers none.
  const role = Form.useWatch('role', form) ?? staff?.role ?? 'staff';
  const branchFor = (values: Values) => (values.role === 'hq_admin' ? null : values.branchId || null);
  const schema = editing ? updateStaffAdminRequestSchema : createStaffRequestSchema;

  const save = useMutation({
    mutationFn: async (values: Values): Promise<Staff> => {
      if (staff) {
        const body = { name: values.name, ...(isHq ? { branchId: branchFor(values) } : {}), ...(editRoles ? { role: values.role } : {}) };
        const parsed = parseWith(updateStaffAdminRequestSchema, body);
        if (!parsed.ok) throw new Error(Object.values(parsed.errors)[0]);
        const saved = await updateStaff(api, staff.id, parsed.data);
        if (parsed.data.role && saved.role !== parsed.data.role) throw new Error('角色未能更新：服务器暂不支持修改角色，请稍后再试');
        return saved;
      }
      const body = {
        name: values.name,
        phone: values.phone,
        role: editRoles ? values.role : 'staff',
        branchId: isHq ? branchFor({ ...values, role: editRoles ? values.role : 'staff' }) : user.branchId,
      };
      const parsed = parseWith(createStaffRequestSchema, body);
      if (!parsed.ok) throw new Error(Object.values(parsed.errors)[0]);
      return createStaff(api, { ...parsed.data, phone: normalizePhone(parsed.data.phone) ?? parsed.data.phone });
    },
    onSuccess: (saved) => {
      form.resetFields();
      onSaved(saved, !editing);
    },
  });

  return (
    <Modal
      title={editing ? `编辑员工：${staff.name}` : '添加员工'}
      open={open}
      okText={editing ? '保存' : '添加员工'}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Form
        key={staff?.id ?? 'new'}
        form={form}
        name="staff"
        layout="vertical"
        initialValues={staff ? { name: staff.name, role: staff.role, branchId: staff.branchId ?? undefined } : { role: 'staff' }} onFinish={(v) => save.mutate(v)} onValuesChange={() => save.reset()} aria-label={editing ? '编辑员工' : '添加员工'}>
        <Form.Item name="name" label="姓名" rules={[schemaRule(schema, 'name', toInput)]}>
          <Input maxLength={40} />
        </Form.Item>
        {editing ? null : (
          <Form.Item name="phone" label="手机号" rules={[schemaRule(createStaffRequestSchema, 'phone', toInput)]} extra="员工用这个手机号登录。">
            <Input type="tel" inputMode="tel" />
          </Form.Item>
        )}
        {editRoles ? (
          <Form.Item name="role" label="角色">
            <Select options={ROLES.map((r) => ({ value: r, label: LABELS.role[r] }))} />
          </Form.Item>
        ) : null}
        {isHq && role !== 'hq_admin' ? (
          <Form.Item name="branchId" label="所属门店" rules={[{ required: true, message: '员工和门店负责人必须属于一个门店' }]}>
            <Select placeholder="请选择门店" options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        ) : null}
      </Form>
      {save.error ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} /> : null}
    </Modal>
  );
}
