import { Suspense } from 'react';
import { Avatar, Button, Flex, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { BRAND, LABELS } from '@fenji/shared';
import { useMe } from '../api/lookups';
import { NAV, navItemOf } from './nav';
import { NotFoundPage } from './not-found';
import { useSession, usePermissions } from './session-context';

/** The frame of every page: the menu (only what the role may open), who is signed in, and a branch manager's scope. */
export function ConsoleLayout() {
  const { user, logout } = useSession();
  const permissions = usePermissions();
  const me = useMe();
  const location = useLocation();
  const current = navItemOf(location.pathname);
  const allowed = !current || current.allowed(permissions);
  const isManager = user.role === 'branch_manager';
  const branchName = me.data?.branchName ?? null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <Flex align="center" gap={8} style={{ height: 64, padding: '0 20px' }}>
          <Typography.Text strong style={{ fontSize: 18, color: BRAND.colorPrimary }}>
            {BRAND.name}
          </Typography.Text>
          <Typography.Text type="secondary">总部控制台</Typography.Text>
        </Flex>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            selectedKeys={current ? [current.path] : []}
            style={{ borderInlineEnd: 0 }}
            items={NAV.filter((item) => item.allowed(permissions)).map((item) => ({
              key: item.path,
              icon: item.icon,
              label: <Link to={item.path}>{item.label}</Link>,
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', height: 64 }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <div data-testid="scope-banner">
              {isManager ? (
                <Flex gap={8} align="center">
                  <Tag color="blue">门店视图</Tag>
                  <Typography.Text>
                    你是{branchName ? ` ${branchName} ` : '本门店'}的门店负责人：只显示本门店的线索、员工和数据，只能做门店负责人可做的操作。
                  </Typography.Text>
                </Flex>
              ) : (
                <Typography.Text type="secondary">总部视图：全部门店</Typography.Text>
              )}
            </div>
            <Flex gap={12} align="center">
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text>{user.name}</Typography.Text>
              <Tag>{LABELS.role[user.role]}</Tag>
              <Button type="text" icon={<LogoutOutlined />} onClick={logout}>
                退出
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <Suspense fallback={<Spin />}>{allowed ? <Outlet /> : <NotFoundPage />}</Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
