import { LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuditAnchor } from '../audit/use-audit-anchor';
import { useBackupRunner } from '../backup/use-backup-runner';
import { useSyncRunner } from '../sync/use-sync-runner';
import { useHotFolderRunner } from '../capture/use-hot-folder-runner';
import { useFinalizeRunner } from '../finalize/finalize-runner';
import { useOcrRunner } from '../ocr/ocr-runner';
import { useSession } from '../session/session-context';
import { useStationSettings } from '../settings/station-settings-context';
import { LanguageSwitch } from '../../src-web/LanguageSwitch';
import { visibleNavItems } from './navigation';
import { StatusBar } from './StatusBar';

export function AppShell() {
  const { t } = useTranslation();
  const { session, logout } = useSession();
  const { settings } = useStationSettings();
  const navigate = useNavigate();
  const location = useLocation();
  const items = visibleNavItems(session?.roles ?? []);
  const current = items.find((item) => location.pathname.startsWith(item.path));
  const captures = session?.roles.some((role) => role === 'clerk' || role === 'admin') ?? false;
  useHotFolderRunner(captures ? session!.userId : null);
  useOcrRunner(captures);
  useFinalizeRunner(captures && settings !== null, { agencyName: settings?.agencyName ?? '' });
  useAuditAnchor();
  useSyncRunner(session !== null);
  useBackupRunner(session !== null);

  return (
    <Layout className="app-shell">
      <Layout.Sider width={220} theme="light" className="app-sider">
        <div className="app-brand">
          <img src="./icon.svg" alt="" width={32} height={32} />
          <div>
            <div className="app-brand-name">{t('app.name')}</div>
            <div className="app-brand-agency">{settings?.agencyName}</div>
          </div>
        </div>
        <Menu
          mode="inline"
          data-testid="main-nav"
          selectedKeys={current ? [current.path] : []}
          items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }))}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {current ? t(current.labelKey) : ''}
          </Typography.Title>
          <Space>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
              {t('common.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="app-content">
          {settings && !settings.agencyId && session?.roles.includes('admin') ? (
            <Alert type="warning" showIcon title={t('shell.agencyMissing')} style={{ marginBottom: 16 }} />
          ) : null}
          <Outlet />
        </Layout.Content>
        <Layout.Footer className="app-footer">
          <StatusBar />
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
