import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Card, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import {
  CONTENT_STATUS_LABELS,
  CTA_PRESETS,
  EDITABLE_CONTENT_KINDS,
  EXTRA_FORM_FIELD_LABELS,
  EXTRA_FORM_FIELDS,
  LABELS,
  contentDraftSchema,
  type ContentAdmin,
  type ContentDraft,
  type UploadResponse,
} from '@fenji/shared';
import { useApi } from '../../../api/api-context';
import { errorMessage } from '../../../api/api-error';
import { ErrorState } from '../../../components/list-states';
import { PageHeader } from '../../../components/page-header';
import { schemaIssues, schemaRule } from '../../../components/schema-form';
import { contentKeys, createContent, fetchCategories, fetchContent, updateContent } from '../service';
import { BlockEditor } from './components/block-editor';
import { ImageUpload } from './components/image-upload';
import { PreviewFrame } from './components/preview-frame';
import { NEW_CONTENT, fromContent, toDraft, type EditorValues } from './draft';

/** The cover's control: Form.Item gives it the URL; an upload replaces it. */
function CoverUpload({ value, onChange }: { value?: string | null; onChange?: (url: string | null) => void }) {
  const [size, setSize] = useState<Pick<UploadResponse, 'width' | 'height'>>({ width: 1, height: 1 });
  return (
    <ImageUpload
      label="封面"
      value={value ? { url: value, ...size } : null}
      onChange={(img) => {
        if (img) setSize({ width: img.width, height: img.height });
        onChange?.(img?.url ?? null);
      }}
    />
  );
}

/**
 * 新建/编辑内容: type, title, summary, cover, category, the page's blocks, the lead form's button and fields —
 * checked with the shared draft schema — beside a live mobile preview rendered by the server.
 */
export function ContentEditorPage() {
  const { contentId } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditorValues>();
  const editing = Boolean(contentId);
  const existing = useQuery({ queryKey: contentKeys.item(contentId ?? ''), queryFn: () => fetchContent(api, contentId!), enabled: editing });
  const categories = useQuery({ queryKey: contentKeys.categories, queryFn: () => fetchCategories(api) });
  const values = Form.useWatch((v: EditorValues) => v, { form, preserve: true }) as EditorValues | undefined;
  const [saved, setSaved] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null);

  useEffect(() => {
    if (existing.data) form.setFieldsValue(fromContent(existing.data));
  }, [existing.data, form]);

  const save = useMutation({
    mutationFn: (draft: ContentDraft): Promise<ContentAdmin> => (contentId ? updateContent(api, contentId, draft) : createContent(api, draft)),
    onSuccess: (content) => {
      const text = `已保存：${content.title}`;
      void queryClient.invalidateQueries({ queryKey: contentKeys.all });
      if (!contentId) navigate(`/contents/${encodeURIComponent(content.id)}/edit`, { replace: true, state: { saved: text } });
      setSaved(text);
    },
  });

  function submit() {
    const all = form.getFieldsValue(true) as EditorValues;
    const draft = toDraft(editing ? { ...all, published: undefined } : all);
    const issues = schemaIssues(contentDraftSchema, draft);
    if (issues.length) {
      // Nested block fields keep their full path (blocks.2.text); everything else is reported on its field.
      form.setFields(issues.map((i) => ({ name: (i.name[0] === 'blocks' ? i.name : [i.name[0]!]) as never, errors: [i.message] })));
      return;
    }
    save.mutate(contentDraftSchema.parse(draft));
  }

  // Until the form reports its first values (the stored content is set into it after it loads), preview the
  // stored content itself: the preview shows at once, not only after the first keystroke.
  const shown = values?.title !== undefined ? values : existing.data ? fromContent(existing.data) : values;
  const previewDraft = shown?.title?.trim() ? contentDraftSchema.safeParse(toDraft(shown)) : null;
  const status = existing.data?.status ?? (existing.data ? (existing.data.published ? 'published' : 'draft') : null);

  return (
    <div>
      <PageHeader
        title={editing ? '编辑内容' : '新建内容'}
        hint={status ? <Tag>{CONTENT_STATUS_LABELS[status]}</Tag> : '右侧是客户在手机上看到的页面。'}
        extra={
          <Link to="/contents">
            <Button icon={<ArrowLeftOutlined />}>返回内容列表</Button>
          </Link>
        }
      />
      {editing && existing.isPending ? <Skeleton active paragraph={{ rows: 10 }} /> : null}
      {existing.error ? <ErrorState error={existing.error} onRetry={existing.refetch} /> : null}
      {!editing || existing.data ? (
        <Row gutter={24}>
          <Col flex="auto" style={{ minWidth: 0 }}>
            <Form
              form={form}
              name="content"
              layout="vertical"
              initialValues={NEW_CONTENT}
              onFinish={submit}
              onFinishFailed={submit}
              onValuesChange={() => {
                save.reset();
                setSaved(null);
              }}
              aria-label={editing ? '编辑内容' : '新建内容'}
            >
              <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
                <Form.Item name="kind" label="类型">
                  <Radio.Group optionType="button" options={EDITABLE_CONTENT_KINDS.map((k) => ({ value: k, label: LABELS.contentKind[k] }))} />
                </Form.Item>
                <Form.Item name="title" label="标题" rules={[schemaRule(contentDraftSchema, 'title', (v) => toDraft(v as Partial<EditorValues>))]}>
                  <Input maxLength={100} showCount />
                </Form.Item>
                <Form.Item name="summary" label="摘要" extra="分享卡片和内容库里显示的一句话。">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={300} showCount />
                </Form.Item>
                <Row gutter={16}>
                  <Col span={14}>
                    <Form.Item name="coverUrl" label="封面">
                      <CoverUpload />
                    </Form.Item>
                  </Col>
                  <Col span={10}>
                    <Form.Item name="categoryId" label="分类">
                      <Select
                        allowClear
                        placeholder={categories.error ? '分类暂不可用' : '未分类'}
                        disabled={Boolean(categories.error)}
                        loading={categories.isPending}
                        options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
              <Card title="正文模块" size="small" style={{ marginBottom: 16 }}>
                <BlockEditor form={form} blocks={values?.blocks ?? NEW_CONTENT.blocks} />
              </Card>
              <Card title="留资表单" size="small" style={{ marginBottom: 16 }}>
                <Form.Item
                  name="ctaText"
                  label="按钮文字"
                  extra="选一个常用的，或写自己的（2–8 个字）。"
                  rules={[schemaRule(contentDraftSchema, 'ctaText', (v) => toDraft(v as Partial<EditorValues>))]}
                >
                  <AutoComplete options={CTA_PRESETS.map((p) => ({ value: p }))} style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name="formFields" label="除姓名和手机号外，还要填写" extra="姓名和手机号始终必填；只收集需要的信息。">
                  <Checkbox.Group options={EXTRA_FORM_FIELDS.map((f) => ({ value: f, label: EXTRA_FORM_FIELD_LABELS[f] }))} />
                </Form.Item>
              </Card>
              {editing ? null : (
                <Form.Item name="published" valuePropName="checked">
                  <Checkbox>立即发布</Checkbox>
                </Form.Item>
              )}
              {save.error ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
              {saved ? <Alert type="success" showIcon role="status" title={saved} style={{ marginBottom: 12 }} /> : null}
              <Flex gap={8}>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存
                </Button>
                <Button onClick={() => navigate('/contents')}>取消</Button>
              </Flex>
            </Form>
          </Col>
          <Col flex="420px">
            <div style={{ position: 'sticky', top: 16 }}>
              <PreviewFrame draft={previewDraft?.success ? previewDraft.data : null} ready={Boolean(shown?.title?.trim())} />
              {previewDraft && !previewDraft.success ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  有未填完的模块，预览显示上一次完整的版本。
                </Typography.Paragraph>
              ) : null}
            </div>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
