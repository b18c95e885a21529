import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, MobileOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { API, BRAND, loginRequestSchema, normalizePhone, STAFF_APP_PATH, type AuthTokens, type LoginRequest } from '@fenji/shared';
import { useApi } from '../../api/api-context';
import { errorMessage } from '../../api/api-error';
import { parseWith, schemaRule } from '../../components/schema-form';

interface LoginPageProps {
  onLoggedIn: (session: AuthTokens) => void;
}

/** 登录: HQ admins and branch managers only; staff are sent to their own app. */
export function LoginPage({ onLoggedIn }: LoginPageProps) {
  const api = useApi();
  const [form] = Form.useForm<LoginRequest>();
  const [staffOnly, setStaffOnly] = useState(false);
  const login = useMutation({
    mutationFn: (body: LoginRequest) => api.postPublic<AuthTokens>(API.login, body),
    onSuccess: (session) => {
      if (session.user.role === 'staff') setStaffOnly(true);
      else onLoggedIn(session);
    },
  });

  function submit(values: LoginRequest) {
    setStaffOnly(false);
    const parsed = parseWith(loginRequestSchema, values);
    if (!parsed.ok) return;
    login.mutate({ ...parsed.data, phone: normalizePhone(parsed.data.phone) ?? parsed.data.phone });
  }

  return (
    <main style={{ minHeight: '100%', display: 'grid', placeItems: 'center', background: BRAND.colorBg }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {BRAND.name} · 总部控制台
        </Typography.Title>
        <Form
          form={form}
          name="login"
          layout="vertical"
          size="large"
          onFinish={submit}
          onValuesChange={() => {
            login.reset();
            setStaffOnly(false);
          }}
          aria-label="登录"
        >
          <Form.Item name="phone" rules={[schemaRule(loginRequestSchema, 'phone')]} validateTrigger="onBlur">
            <Input prefix={<MobileOutlined />} type="tel" inputMode="tel" autoComplete="username" placeholder="手机号" aria-label="手机号" />
          </Form.Item>
          <Form.Item name="password" rules={[schemaRule(loginRequestSchema, 'password')]} validateTrigger="onBlur">
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" aria-label="密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
        {login.error ? <Alert style={{ marginTop: 16 }} type="error" showIcon role="alert" title={errorMessage(login.error)} /> : null}
        {staffOnly ? (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            role="alert"
            title={
              <>
                控制台仅供总部和门店负责人使用。员工请在微信小程序或员工端 <a href={STAFF_APP_PATH}>{STAFF_APP_PATH}</a> 登录。
              </>
            }
          />
        ) : null}
      </Card>
    </main>
  );
}
