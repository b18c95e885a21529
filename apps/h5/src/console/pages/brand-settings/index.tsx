import { useEffect } from 'react';
import { Alert, AutoComplete, Button, Card, Col, ColorPicker, Form, Input, Row, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CONTACT_WITHIN_PRESETS, updateBrandSettingsRequestSchema, type UpdateBrandSettingsRequest } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { parseWith, schemaRule } from '../../components/schema-form';
import { ImageUpload } from '../contents/editor/components/image-upload';
import { brandSettingsKey, fetchBrandSettings, saveBrandSettings } from './service';

interface BrandValues {
  name: string;
  logo: { url: string; width: number; height: number } | null;
  colorPrimary: string;
  contactWithin: string;
}

const toHex = (value: unknown): string => (typeof value === 'string' ? value : ((value as { toHexString?: () => string })?.toHexString?.() ?? ''));

/** 品牌设置 (HQ only): what customers see on every landing page — the name, logo and colour — and the promise of when they will be contacted. */
export function BrandSettingsPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BrandValues>();
  const settings = useQuery({ queryKey: brandSettingsKey, queryFn: () => fetchBrandSettings(api) });
  const save = useMutation({
    mutationFn: (body: UpdateBrandSettingsRequest) => saveBrandSettings(api, body),
    onSuccess: (stored) => queryClient.setQueryData(brandSettingsKey, stored),
  });
  const watched = Form.useWatch((v: BrandValues) => v, { form, preserve: true });

  useEffect(() => {
    if (settings.data) {
      const { name, logoUrl, colorPrimary, contactWithin } = settings.data;
      form.setFieldsValue({ name, colorPrimary, contactWithin, logo: logoUrl ? { url: logoUrl, width: 1, height: 1 } : null });
    }
  }, [settings.data, form]);

  function submit(values: BrandValues) {
    const parsed = parseWith(updateBrandSettingsRequestSchema, {
      name: values.name,
      logoUrl: values.logo?.url ?? null,
      colorPrimary: toHex(values.colorPrimary),
      contactWithin: values.contactWithin,
    });
    if (parsed.ok) save.mutate(parsed.data);
  }

  const color = toHex(watched?.colorPrimary) || settings.data?.colorPrimary || '#1f6feb';
  const name = watched?.name || settings.data?.name || '';
  return (
    <div>
      <PageHeader title="品牌设置" hint="客户打开分享页面时看到的品牌，以及留资后承诺多久联系。" />
      <Card>
        {settings.isPending ? <Skeleton active /> : null}
        {settings.error ? <ErrorState error={settings.error} onRetry={settings.refetch} /> : null}
        {settings.data ? (
          <Row gutter={32}>
            <Col span={14}>
              <Form form={form} name="brand-settings" layout="vertical" onFinish={submit} onValuesChange={() => save.reset()} aria-label="品牌设置">
                <Form.Item name="name" label="品牌名称" extra="显示在每个分享页面的顶部和页脚。" rules={[schemaRule(updateBrandSettingsRequestSchema, 'name')]}>
                  <Input maxLength={30} showCount />
                </Form.Item>
                <Form.Item name="logo" label="品牌标志" extra="建议使用正方形图片；不上传时显示品牌名称的第一个字。">
                  <ImageUpload label="品牌标志" />
                </Form.Item>
                <Form.Item name="colorPrimary" label="品牌颜色" extra="按钮和标题栏的颜色；颜色太浅时，页面会自动加深以保证文字清晰。" getValueFromEvent={(c: unknown) => toHex(c)}>
                  <ColorPicker format="hex" disabledAlpha showText aria-label="品牌颜色" />
                </Form.Item>
                <Form.Item name="contactWithin" label="联系时限" extra="客户留资后看到：“李娜会在 1 个工作日内与您联系”。" rules={[schemaRule(updateBrandSettingsRequestSchema, 'contactWithin')]}>
                  <AutoComplete options={CONTACT_WITHIN_PRESETS.map((v) => ({ value: v }))} maxLength={20} aria-label="联系时限" />
                </Form.Item>
                {save.error ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
                {save.isSuccess ? <Alert type="success" showIcon role="status" title="已保存，客户页面稍后即显示新的品牌" style={{ marginBottom: 12 }} /> : null}
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存设置
                </Button>
              </Form>
            </Col>
            <Col span={10}>
              <Typography.Text type="secondary">客户看到的页面顶部</Typography.Text>
              <div aria-label="品牌预览" style={{ marginTop: 8, border: '1px solid #e5e6eb', borderRadius: 12, overflow: 'hidden', width: 320 }}>
                <div style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '12px 16px', borderBottom: '1px solid #f0f0f0' }}>
                  {watched?.logo?.url ? (
                    <img src={watched.logo.url} alt="" width={28} height={28} style={{ borderRadius: 6, objectFit: 'cover' }} />
                  ) : (
                    <span style={{ width: 28, height: 28, borderRadius: 6, background: color, color: '#fff', display: 'inline-flex', alignItems: 'center', justifyContent: 'center', fontWeight: 600 }}>{[...name][0] ?? ''}</span>
                  )}
                  <b>{name}</b>
                </div>
                <div style={{ padding: 16 }}>
                  <div style={{ background: color, color: '#fff', borderRadius: 8, textAlign: 'center', padding: '10px 0', fontWeight: 600 }}>预约体验</div>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                    李娜会在 {watched?.contactWithin || settings.data.contactWithin}与您联系
                  </Typography.Paragraph>
                </div>
              </div>
            </Col>
          </Row>
        ) : null}
      </Card>
    </div>
  );
}
