import { useEffect } from 'react';
import { Alert, Button, Card, Col, Form, InputNumber, Popconfirm, Row, Skeleton, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { poolSettingsSchema, type PoolSettings } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { parseWith, schemaRule } from '../../components/schema-form';
import { fetchPoolSettings, poolSettingsKey, runRecycle, savePoolSettings } from './service';

type SettingKey = keyof PoolSettings;

export const POOL_SETTING_FIELDS: readonly { key: SettingKey; label: string; hint: string; unit: string }[] = [
  { key: 'protectionDays', label: '保护期（天）', unit: '天', hint: '期间其他员工的分享触达只记为撞单，线索不换归属；每次跟进重新计算。' },
  { key: 'recycleDays', label: '未跟进回收（天）', unit: '天', hint: '私海线索连续这么多天没有跟进，回收到公海。' },
  { key: 'recycleWarnDays', label: '回收前提醒（天）', unit: '天', hint: '回收前几天提醒归属员工；0 表示不提醒。须小于回收天数。' },
  { key: 'claimDailyCap', label: '每日领取上限', unit: '条', hint: '每名员工每天最多从公海领取的条数。' },
  { key: 'claimHoldCap', label: '持有上限', unit: '条', hint: '私海（未成交、未流失）达到这个数量时不能再领取。' },
  { key: 'reclaimBlockDays', label: '回收后禁止领回（天）', unit: '天', hint: '线索被回收或放回公海后，原归属员工这些天内不能领回。' },
];

/** 公海规则 (HQ only): the six pool settings → 保存规则, and 立即执行回收 (asks first). */
export function PoolSettingsPage() {
  const api = useApi();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PoolSettings>();
  const settings = useQuery({ queryKey: poolSettingsKey, queryFn: () => fetchPoolSettings(api) });
  const save = useMutation({
    mutationFn: (body: PoolSettings) => savePoolSettings(api, body),
    onSuccess: (stored) => queryClient.setQueryData(poolSettingsKey, stored),
  });
  const recycle = useMutation({ mutationFn: () => runRecycle(api) });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  function submit(values: PoolSettings) {
    const parsed = parseWith(poolSettingsSchema, values);
    if (parsed.ok) save.mutate(parsed.data);
  }

  return (
    <div>
      <PageHeader title="公海规则" hint="线索的保护、回收与领取规则，对所有门店生效。" />
      <Card title="规则" style={{ marginBottom: 16 }}>
        {settings.isPending ? <Skeleton active /> : null}
        {settings.error ? <ErrorState error={settings.error} onRetry={settings.refetch} /> : null}
        {settings.data ? (
          <Form form={form} name="pool-settings" layout="vertical" onFinish={submit} onValuesChange={() => save.reset()} aria-label="公海规则">
            <Row gutter={24}>
              {POOL_SETTING_FIELDS.map(({ key, label, hint, unit }) => (
                <Col span={8} key={key}>
                  <Form.Item
                    name={key}
                    label={label}
                    extra={hint}
                    dependencies={key === 'recycleWarnDays' ? ['recycleDays'] : key === 'recycleDays' ? ['recycleWarnDays'] : undefined}
                    rules={[schemaRule(poolSettingsSchema, key)]}
                  >
                    <InputNumber min={0} precision={0} suffix={unit} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            {save.error ? <Alert type="error" showIcon role="alert" title={errorMessage(save.error)} style={{ marginBottom: 12 }} /> : null}
            {save.isSuccess ? <Alert type="success" showIcon role="status" title="已保存" style={{ marginBottom: 12 }} /> : null}
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存规则
            </Button>
          </Form>
        ) : null}
      </Card>
      <Card title="回收">
        <Typography.Paragraph type="secondary">按当前规则立即运行一次回收：超时未跟进的私海线索回到公海，即将被回收的线索提醒归属员工。</Typography.Paragraph>
        <Popconfirm
          title="立即执行回收？"
          description="超时未跟进的私海线索会马上回到公海，归属员工会收到通知。"
          okText="执行"
          cancelText="取消"
          onConfirm={() => recycle.mutateAsync().catch(() => undefined)}
        >
          <Button loading={recycle.isPending}>立即执行回收</Button>
        </Popconfirm>
        {recycle.error ? <Alert type="error" showIcon role="alert" title={errorMessage(recycle.error)} style={{ marginTop: 12 }} /> : null}
        {recycle.data ? <Alert type="success" showIcon role="status" title={`已回收 ${recycle.data.recycled} 条，提醒 ${recycle.data.warned} 条`} style={{ marginTop: 12 }} /> : null}
      </Card>
    </div>
  );
}
