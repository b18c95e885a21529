import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, List, Modal, Popconfirm, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { saveContentCategoryRequestSchema, type ContentCategory } from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { formatNumber } from '../../../components/format';
import { QueryView } from '../../../components/list-states';
import { schemaRule } from '../../../components/schema-form';
import { contentKeys, createCategory, deleteCategory, fetchCategories, renameCategory } from '../service';

interface CategoryCardProps {
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
}

/** 分类: pick one to filter the list; add, rename, delete (its contents become 未分类). */
export function CategoryCard({ selected, onSelect }: CategoryCardProps) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const categories = useQuery({ queryKey: contentKeys.categories, queryFn: () => fetchCategories(api) });
  const [form] = Form.useForm<{ name: string }>();
  const [renameForm] = Form.useForm<{ name: string }>();
  const [renaming, setRenaming] = useState<ContentCategory | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: contentKeys.categories });

  const create = useMutation({ mutationFn: (name: string) => createCategory(api, name), onSuccess: () => (form.resetFields(), void refresh()) });
  const rename = useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => renameCategory(api, id, name),
    onSuccess: () => (setRenaming(null), void refresh()),
  });
  const remove = useMutation({
    mutationFn: (c: ContentCategory) => deleteCategory(api, c.id),
    onSuccess: (_, c) => {
      if (selected === c.id) onSelect(undefined);
      void message.success(`已删除分类 ${c.name}`);
      void refresh();
      void queryClient.invalidateQueries({ queryKey: contentKeys.list });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  return (
    <Card title="分类" size="small">
      <QueryView query={categories} rows={4}>
        {(data) => (
          <List<{ key: string; category: ContentCategory | null }>
            size="small"
            rowKey="key"
            dataSource={[{ key: 'all', category: null }, ...data.items.map((c) => ({ key: c.id, category: c }))]}
            renderItem={({ category: c }) => (
              <List.Item
                style={{ paddingInline: 8, background: (c?.id ?? undefined) === selected ? '#e6f0ff' : undefined, borderRadius: 6 }}
                actions={
                  c
                    ? [
                        <Button key="rename" type="link" size="small" onClick={() => (renameForm.setFieldsValue({ name: c.name }), setRenaming(c))}>
                          改名
                        </Button>,
                        <Popconfirm key="delete" title={`删除分类 ${c.name}？`} description="其中的内容会变为未分类，不会被删除。" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync(c).catch(() => undefined)}>
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>,
                      ]
                    : undefined
                }
              >
                <Button type="text" size="small" onClick={() => onSelect(c?.id)} aria-pressed={(c?.id ?? undefined) === selected}>
                  {c ? c.name : '全部内容'}
                </Button>
                {c ? <Typography.Text type="secondary">{formatNumber(c.contentCount)}</Typography.Text> : null}
              </List.Item>
            )}
          />
        )}
      </QueryView>
      <Form form={form} name="category-create" onFinish={(v) => create.mutate(v.name.trim())} onValuesChange={() => create.reset()} style={{ marginTop: 12 }}>
        <Flex gap={8}>
          <Form.Item name="name" rules={[schemaRule(saveContentCategoryRequestSchema, 'name')]} style={{ flex: 1, marginBottom: 0 }}>
            <Input placeholder="新分类名称" aria-label="新分类名称" maxLength={20} />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            添加
          </Button>
        </Flex>
      </Form>
      {create.error ? <Alert type="error" showIcon role="alert" title={errorMessage(create.error)} style={{ marginTop: 8 }} /> : null}
      <Modal title="分类改名" open={renaming !== null} onOk={() => renameForm.submit()} onCancel={() => setRenaming(null)} confirmLoading={rename.isPending} forceRender>
        <Form form={renameForm} name="category-rename" layout="vertical" onFinish={(v) => renaming && rename.mutate({ id: renaming.id, name: v.name.trim() })} onValuesChange={() => rename.reset()}>
          <Form.Item name="name" label="分类名称" rules={[schemaRule(saveContentCategoryRequestSchema, 'name')]}>
            <Input maxLength={20} />
          </Form.Item>
        </Form>
        {rename.error ? <Alert type="error" showIcon role="alert" title={errorMessage(rename.error)} /> : null}
      </Modal>
    </Card>
  );
}
