import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useSession } from '../../session/session-context';
import { BackupPanel } from './BackupPanel';
import { CentralPanel } from './CentralPanel';
import { ChangePasswordForm } from './ChangePasswordForm';
import { PlanPanel } from './PlanPanel';
import { ProcedureCatalogPanel } from './ProcedureCatalogPanel';
import { SigningSettingsPanel } from './SigningSettingsPanel';
import { StationSettingsForm } from './StationSettingsForm';
import { StoragePanel } from './StoragePanel';

/**
 * Settings, one subject a tab, each with its own "Lưu": what the admin saves is what the
 * tab shows, never a form four screens further down. The tab is in the address (?tab=),
 * so a message may send the admin straight to it.
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { session } = useSession();
  const editable = session?.roles.includes('admin') ?? false;
  const [params, setParams] = useSearchParams();
  const tabs = [
    { key: 'station', label: t('settings.station'), children: <StationSettingsForm editable={editable} /> },
    {
      key: 'catalogue',
      label: t('catalogue.title'),
      children: <ProcedureCatalogPanel editable={editable} />,
    },
    {
      key: 'signing',
      label: t('settings.signing.title'),
      children: <SigningSettingsPanel editable={editable} />,
    },
    { key: 'central', label: t('settings.central.title'), children: <CentralPanel editable={editable} /> },
    { key: 'plan', label: t('settings.plan.title'), children: <PlanPanel editable={editable} /> },
    { key: 'backup', label: t('backup.title'), children: <BackupPanel editable={editable} /> },
    { key: 'storage', label: t('settings.storage'), children: <StoragePanel /> },
    { key: 'password', label: t('settings.changePassword'), children: <ChangePasswordForm /> },
  ].map((tab) => ({ ...tab, label: <span data-testid={`settings-tab-${tab.key}`}>{tab.label}</span> }));
  const active = tabs.some((tab) => tab.key === params.get('tab')) ? params.get('tab')! : 'station';
  return (
    <Tabs
      className="settings-tabs"
      activeKey={active}
      onChange={(key) => setParams({ tab: key }, { replace: true })}
      items={tabs}
    />
  );
}
