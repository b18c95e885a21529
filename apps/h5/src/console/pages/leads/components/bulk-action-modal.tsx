import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  BULK_STATUS_TARGETS,
  LABELS,
  LEAD_BULK_ACTION_LABELS,
  LEAD_BULK_SKIP_LABELS,
  bulkLeadRequestSchema,
  type BulkLeadRequest,
  type BulkLeadResponse,
  type LeadBulkAction,
  type LeadFilter,
  type LeadStatus,
} from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { namesById, useBranches, useStaffList } from '../../../api/lookups';
import { activeStaff, BranchSelect, searchable, staffOptions } from '../../../components/org-selects';
import { formatNumber } from '../../../components/format';
import { parseWith, schemaRule, showFieldErrors } from '../../../components/schema-form';
import { bulkLeads, leadKeys } from '../service';

/** What a bulk action applies to: the selected rows, or everything the current filters match. */
export type BulkTarget = { kind: 'ids'; ids: string[] } | { kind: 'filter'; filter: LeadFilter; description: string; total: string | null };

interface BulkValues {
  action: LeadBulkAction;
  assignTo: 'staff' | 'branch';
  toStaffId?: string;
  toBranchId?: string;
  status?: LeadStatus;
  reason?: string;
}

const INITIAL: BulkValues = { action: 'assign', assignTo: 'staff' };

function targetWords(target: BulkTarget): string {
  return target.kind === 'ids' ? `所选的 ${formatNumber(target.ids.length)} 条线索` : `全部筛选结果（${target.description}${target.total ? `，共 ${target.total}` : ''}）`;
}

/** "已分配 10 条；跳过 2 条：当前状态不能改为所选状态 2 条". */
export function bulkResultText(action: LeadBulkAction, res: BulkLeadResponse, dryRun = false): string {
  const verb = LEAD_BULK_ACTION_LABELS[action];
  const head = dryRun ? `将${verb} ${formatNumber(res.affected)} 条线索` : `已${verb} ${formatNumber(res.affected)} 条线索`;
  const skipped = res.skipped ?? [];
  const total = skipped.reduce((n, s) => n + s.count, 0);
  if (!total) return head;
  return `${head}；${dryRun ? '将跳过' : '跳过'} ${formatNumber(total)} 条：${skipped.map((s) => `${LEAD_BULK_SKIP_LABELS[s.code]} ${formatNumber(s.count)} 条`).join('，')}`;
}

interface BulkActionModalProps {
  target: BulkTarget | null;
  onClose: () => void;
  /** After a real change (not a dry run): the number affected. */
  onDone: (affected: number) => void;
}

/**
 * 批量操作: 分配 (to a staff member or a branch), 放回公海, 变更状态 — each with a reason. 下一步 asks the API what
 * would happen (dry run) and confirms with those numbers; 确定 applies it and shows the result count.
 */
export function BulkActionModal({ target, onClose, onDone }: BulkActionModalProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const staff = useStaffList();
  const branches = useBranches();
  const [form] = Form.useForm<BulkValues>();
  const [result, setResult] = useState<string | null>(null);
  const action = Form.useWatch('action', form) ?? INITIAL.action;
  const assignTo = Form.useWatch('assignTo', form) ?? INITIAL.assignTo;

  const toRequest = (v: Record<string, unknown>): Partial<BulkLeadRequest> => ({
    ...(target?.kind === 'ids' ? { ids: target.ids } : target?.kind === 'filter' ? { filter: target.filter } : {}),
    action: v.action as LeadBulkAction,
    toStaffId: v.action === 'assign' && v.assignTo === 'staff' ? (v.toStaffId as string | undefined) : undefined,
    toBranchId: v.action === 'assign' && v.assignTo === 'branch' ? (v.toBranchId as string | undefined) : undefined,
    status: v.action === 'status' ? (v.status as LeadStatus | undefined) : undefined,
    reason: (v.reason as string | undefined) ?? '',
  });

  const run = useMutation({
    mutationFn: (body: BulkLeadRequest) => bulkLeads(api, body),
  });

  function close() {
    form.resetFields();
    setResult(null);
    run.reset();
    onClose();
  }

  function applied(body: BulkLeadRequest, res: BulkLeadResponse) {
    setResult(bulkResultText(body.action, res));
    void queryClient.invalidateQueries({ queryKey: leadKeys.all });
    onDone(res.affected);
  }

  async function submit(values: BulkValues) {
    if (!target) return;
    const parsed = parseWith(bulkLeadRequestSchema, toRequest(values as unknown as Record<string, unknown>));
    // The schema's cross-field rules (who to assign to, which status) are reported on the field they concern.
    if (!parsed.ok) {
      const { toStaffId, ...rest } = parsed.errors;
      return showFieldErrors(form, toStaffId ? { ...rest, [values.assignTo === 'branch' ? 'toBranchId' : 'toStaffId']: toStaffId } : rest);
    }
    const body = parsed.data;
    const preview = await run.mutateAsync({ ...body, dryRun: true }).catch(() => null);
    if (!preview) return;
    // An API that ignored dryRun has already applied it: report what it did instead of asking again.
    if (!preview.dryRun) return applied(body, preview);
    const staffName = body.toStaffId ? namesById(staff.data).get(body.toStaffId) : undefined;
    const branchName = body.toBranchId ? namesById(branches.data).get(body.toBranchId) : undefined;
    const detail =
      body.action === 'assign'
        ? `分配给${staffName ? ` ${staffName}` : branchName ? ` ${branchName}（进入该门店公海，由店长分配）` : ''}`
        : body.action === 'status'
          ? `状态改为「${body.status ? LABELS.leadStatus[body.status] : ''}」`
          : '放回公海';
    modal.confirm({
      title: `确认批量${LEAD_BULK_ACTION_LABELS[body.action]}？`,
      content: (
        <>
          <p>{bulkResultText(body.action, preview, true)}。</p>
          <p>
            操作：{detail}；原因：{body.reason}
          </p>
          <p>每条变更都会记入审计日志。</p>
        </>
      ),
      okText: '确定执行',
      cancelText: '再想想',
      okButtonProps: { disabled: preview.affected === 0 },
      onOk: async () => {
        const res = await run.mutateAsync(body);
        applied(body, res);
      },
    });
  }

  return (
    <Modal
      title="批量操作"
      open={target !== null}
      onCancel={close}
      okText={result ? '完成' : '下一步'}
      onOk={() => (result ? close() : form.submit())}
      confirmLoading={run.isPending}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      destroyOnHidden
      width={560}
    >
      {target ? <Typography.Paragraph>对象：{targetWords(target)}</Typography.Paragraph> : null}
      {result ? (
        <Alert type="success" showIcon role="status" title={result} />
      ) : (
        <Form form={form} name="bulk" layout="vertical" initialValues={INITIAL} onFinish={(v) => void submit(v)} onValuesChange={() => run.reset()}>
          <Form.Item name="action" label="操作">
            <Radio.Group
              optionType="button"
              options={(['assign', 'release', 'status'] as const).map((a) => ({ value: a, label: LEAD_BULK_ACTION_LABELS[a] }))}
            />
          </Form.Item>
          {action === 'assign' ? (
            <>
              <Form.Item name="assignTo" label="分配到">
                <Radio.Group options={[{ value: 'staff', label: '员工' }, { value: 'branch', label: '门店（进入门店公海，由店长分配）' }]} />
              </Form.Item>
              {assignTo === 'staff' ? (
                <Form.Item name="toStaffId" label="分配给员工" preserve={false}>
                  <Select {...searchable} placeholder="选择员工" loading={staff.isPending} options={staffOptions(activeStaff(staff.data), branches.data ?? [])} />
                </Form.Item>
              ) : (
                <Form.Item name="toBranchId" label="分配给门店" preserve={false}>
                  <BranchSelect branches={branches.data ?? []} placeholder="选择门店" />
                </Form.Item>
              )}
            </>
          ) : null}
          {action === 'status' ? (
            <Form.Item name="status" label="新状态" preserve={false} extra="不允许从当前状态改到新状态的线索会被跳过；成交请在线索详情中逐条确认。">
              <Select placeholder="选择状态" options={BULK_STATUS_TARGETS.map((s) => ({ value: s, label: LABELS.leadStatus[s] }))} />
            </Form.Item>
          ) : null}
          {action === 'release' ? <Typography.Paragraph type="secondary">线索离开当前归属员工，回到公海，员工可领取或由管理员分配。</Typography.Paragraph> : null}
          <Form.Item name="reason" label="原因" rules={[schemaRule(bulkLeadRequestSchema, 'reason', toRequest)]}>
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
          {run.error ? <Alert type="error" showIcon role="alert" title={errorMessage(run.error)} /> : null}
        </Form>
      )}
    </Modal>
  );
}
