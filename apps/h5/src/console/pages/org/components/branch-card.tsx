import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Table, Tooltip } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createBranchRequestSchema, updateBranchRequestSchema, type Branch } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { LOOKUP_KEYS, useBranches } from '../../../api/lookups';
import { formatDateTime, formatNumber } from '../../../components/format';
import { tableEmptyText } from '../../../components/list-states';
import { schemaRule } from '../../../components/schema-form';
import { createBranch, deleteBranch, renameBranch } from '../service';

type BranchRow = NonNullable<ReturnType<typeof useBranches>['data']>[number];

/** 门店 (HQ only): add, rename, delete an empty one. */
export function BranchCard() {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const branches = useBranches();
  const [form] = Form.useForm<{ name: string }>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [renaming, setRenaming] = useState<Branch | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: LOOKUP_KEYS.branches });

  const create = useMutation({
    mutationFn: (name: string) => createBranch(api, name),
    onSuccess: (b) => {
      form.resetFields();
      void message.success(`已添加门店 ${b.name}`);
      void refresh();
    },
  });
  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renameBranch(api, id, name),
    onSuccess: (b) => {
      setRenaming(null);
      void message.success(`已改名为 ${b.name}`);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (b: Branch) => deleteBranch(api, b.id),
    onSuccess: (_, b) => {
      void message.success(`已删除门店 ${b.name}`);
      void refresh();
    },
    onError: (e) => void message.error(`删除失败：${errorMessage(e)}`),
  });

  const notEmpty = (b: BranchRow) => (b.staffCount ?? 0) > 0 || (b.leadCount ?? 0) > 0;

  return (
    <Card title="门店">
      <Form form={form} name="branch-create" layout="inline" onFinish={(v) => create.mutate(v.name.trim())} onValuesChange={() => create.reset()} style={{ marginBottom: 16 }}>
        <Form.Item name="name" label="门店名称" rules={[schemaRule(createBranchRequestSchema, 'name')]}>
          <Input maxLength={60} style={{ width: 220 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          添加门店
        </Button>
      </Form>
      {create.error ? <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<BranchRow>
        rowKey="id"
        size="small"
        pagination={false}
        loading={branches.isFetching}
        dataSource={branches.data ?? []}
        locale={{ emptyText: tableEmptyText(branches, '还没有门店') }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '员工', render: (_, b) => (b.staffCount === undefined ? '—' : `${formatNumber(b.activeStaffCount ?? b.staffCount)} 在职 / ${formatNumber(b.staffCount)}`) },
          { title: '线索', render: (_, b) => formatNumber(b.leadCount) },
          { title: '创建时间', render: (_, b) => <span className="num">{formatDateTime(b.createdAt)}</span> },
          {
            title: '操作',
            width: 160,
            render: (_, b) => (
              <Flex gap={4}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => {
                    rename.reset();
                    renameForm.setFieldsValue({ name: b.name });
                    setRenaming(b);
                  }}
                >
                  重命名
                </Button>
                {notEmpty(b) ? (
                  <Tooltip title="门店下还有员工或线索，不能删除">
                    <Button size="small" type="link" danger disabled>
                      删除
                    </Button>
                  </Tooltip>
                ) : (
                  <Popconfirm
                    title={`删除门店 ${b.name}？`}
                    description="只能删除没有员工和线索的门店。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove.mutateAsync(b)}
                  >
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        title={renaming ? `重命名 ${renaming.name}` : ''}
        open={renaming !== null}
        okText="保存"
        confirmLoading={rename.isPending}
        onOk={() => renameForm.submit()}
        onCancel={() => setRenaming(null)}
        forceRender
      >
        <Form form={renameForm} name="branch-rename" layout="vertical" onFinish={(v) => renaming && rename.mutate({ id: renaming.id, name: v.name.trim() })} onValuesChange={() => rename.reset()}>
          <Form.Item name="name" label="门店名称" rules={[schemaRule(updateBranchRequestSchema, 'name')]}>
            <Input maxLength={60} />
          </Form.Item>
        </Form>
        {rename.error ? <Alert type="error" showIcon role="alert" title={errorMessage(rename.error)} /> : null}
      </Modal>
    </Card>
  );
}
