import {
  ApiOutlined,
  BarChartOutlined,
  DesktopOutlined,
  EyeOutlined,
  HistoryOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The console's pages, in the menu's order. */
export const CONSOLE_PAGES: { path: string; labelKey: string; icon: ReactNode }[] = [
  { path: '/stations', labelKey: 'console.nav.stations', icon: <DesktopOutlined /> },
  { path: '/progress', labelKey: 'console.nav.progress', icon: <BarChartOutlined /> },
  { path: '/lookup', labelKey: 'console.nav.lookup', icon: <SearchOutlined /> },
  { path: '/clients', labelKey: 'console.nav.clients', icon: <ApiOutlined /> },
  { path: '/access-log', labelKey: 'console.nav.accessLog', icon: <EyeOutlined /> },
  { path: '/journal', labelKey: 'console.nav.journal', icon: <HistoryOutlined /> },
];
