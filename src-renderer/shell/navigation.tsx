import {
  AuditOutlined,
  BarChartOutlined,
  CloudSyncOutlined,
  FileSearchOutlined,
  FormOutlined,
  HistoryOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  ScanOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '../../src-shared/domain/roles';

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** Shown to users with one of these roles; main enforces the same on every channel. */
  roles?: readonly Role[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/scan', labelKey: 'nav.scan', icon: <ScanOutlined />, roles: ['clerk', 'admin'] },
  { path: '/index', labelKey: 'nav.index', icon: <FormOutlined />, roles: ['clerk', 'admin'] },
  {
    path: '/finalize',
    labelKey: 'nav.finalize',
    icon: <SafetyCertificateOutlined />,
    roles: ['clerk', 'admin'],
  },
  { path: '/batches', labelKey: 'nav.batches', icon: <InboxOutlined />, roles: ['clerk', 'admin'] },
  // Only a supervisor decides (main refuses anyone else).
  { path: '/review', labelKey: 'nav.review', icon: <AuditOutlined />, roles: ['supervisor'] },
  { path: '/sync', labelKey: 'nav.sync', icon: <CloudSyncOutlined /> },
  { path: '/lookup', labelKey: 'nav.lookup', icon: <FileSearchOutlined /> },
  { path: '/stats', labelKey: 'nav.stats', icon: <BarChartOutlined /> },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ['admin'] },
  { path: '/audit', labelKey: 'nav.audit', icon: <HistoryOutlined />, roles: ['supervisor', 'admin'] },
  { path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined /> },
];

export const visibleNavItems = (roles: readonly Role[]): NavItem[] =>
  NAV_ITEMS.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
