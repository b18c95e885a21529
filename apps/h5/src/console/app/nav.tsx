import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileTextOutlined,
  SafetyCertificateOutlined,
  InboxOutlined,
  SettingOutlined,
  SkinOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Permissions } from './session-context';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  allowed: (p: Permissions) => boolean;
}

const everyone = () => true;

/** The console's sections, in menu order, and who may open each. */
export const NAV: readonly NavItem[] = [
  { path: '/dashboard', label: '数据看板', icon: <BarChartOutlined />, allowed: everyone },
  { path: '/leads', label: '线索池', icon: <UnorderedListOutlined />, allowed: everyone },
  { path: '/pool', label: '公海', icon: <InboxOutlined />, allowed: everyone },
  { path: '/collisions', label: '撞单', icon: <AlertOutlined />, allowed: everyone },
  { path: '/contents', label: '内容', icon: <FileTextOutlined />, allowed: (p) => p.manageContents },
  { path: '/org', label: '门店与员工', icon: <TeamOutlined />, allowed: everyone },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, allowed: (p) => p.viewAudit },
  { path: '/privacy-requests', label: '个人信息请求', icon: <SafetyCertificateOutlined />, allowed: (p) => p.handlePrivacyRequests },
  { path: '/pool-settings', label: '公海规则', icon: <SettingOutlined />, allowed: (p) => p.editPoolSettings },
  { path: '/brand-settings', label: '品牌设置', icon: <SkinOutlined />, allowed: (p) => p.editBrandSettings },
];

/** The nav item a path belongs to (`/leads/abc` → 线索池). */
export function navItemOf(pathname: string): NavItem | undefined {
  return NAV.find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
}
