import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { LanguageSwitch } from '../../src-web/LanguageSwitch';
import { useAdminSession } from '../api/admin-session';
import { CONSOLE_PAGES } from './navigation';

export function ConsoleShell() {
  const { t } = useTranslation();
  const { signOut, name } = useAdminSession();
  const navigate = useNavigate();
  const location = useLocation();
  const current = CONSOLE_PAGES.find((page) => location.pathname.startsWith(page.path));
  return (
    <Layout className="console-shell">
      <Layout.Sider width={230} theme="light" className="console-sider">
        <div className="console-brand">
          <img src="./icon.svg" alt="" width={32} height={32} />
          <div>
            <div className="console-brand-name">SoHoa Central</div>
            <div className="console-brand-role">{t('console.brand')}</div>
          </div>
        </div>
        <Menu
          mode="inline"
          data-testid="console-nav"
          selectedKeys={current ? [current.path] : []}
          items={CONSOLE_PAGES.map((page) => ({ key: page.path, icon: page.icon, label: t(page.labelKey) }))}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {current ? t(current.labelKey) : ''}
          </Typography.Title>
          <Space>
            <Typography.Text type="secondary" data-testid="admin-signed-in">
              {name}
            </Typography.Text>
            <LanguageSwitch />
            <Button icon={<LogoutOutlined />} onClick={signOut} data-testid="sign-out">
              {t('common.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
