import { CloudOutlined, DisconnectOutlined, DesktopOutlined, UserOutlined } from '@ant-design/icons';
import { Badge, Space, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { pendingOcrCount } from '../ocr/ocr-runner';
import { useStatusCounts } from '../db/queue-counts';
import { useSession } from '../session/session-context';
import { useStationSettings } from '../settings/station-settings-context';
import { useSyncState } from '../sync/sync-state';

export function StatusBar() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { settings } = useStationSettings();
  const counts = useStatusCounts();
  // Online means SoHoa Central answered its health check, not merely that the OS has a network.
  const { online } = useSyncState();
  const ocrPending = useLiveQuery(pendingOcrCount) ?? 0;
  const inProgress = counts.draft + counts.captured + counts.indexed + counts.finalized + counts.rejected;
  const connection = !settings?.centralUrl ? 'noCentral' : online ? 'online' : 'offline';

  return (
    <div className="status-bar" data-testid="status-bar">
      <Space size="large" wrap>
        <span data-testid="status-user">
          <UserOutlined /> {session?.displayName} (
          {session?.roles.map((role) => t(`roles.${role}`)).join(', ')})
        </span>
        <span data-testid="status-station">
          <DesktopOutlined /> {t('shell.station', { number: settings?.stationNumber ?? '…' })}
          {settings?.stationName ? ` · ${settings.stationName}` : ''}
        </span>
        <Tooltip title={settings?.centralUrl || undefined}>
          <span data-testid="status-connection">
            {connection === 'online' ? <CloudOutlined /> : <DisconnectOutlined />}{' '}
            <Badge status={connection === 'online' ? 'success' : 'default'} text={t(`shell.${connection}`)} />
          </span>
        </Tooltip>
      </Space>
      <Space size="large" data-testid="status-queues">
        {ocrPending ? (
          <Typography.Text data-testid="status-ocr">
            <Badge status="processing" text={t('shell.ocrPending', { count: ocrPending })} />
          </Typography.Text>
        ) : null}
        <Typography.Text>{t('shell.pendingWork', { count: inProgress })}</Typography.Text>
        <Typography.Text>{t('shell.awaitingReview', { count: counts.submitted })}</Typography.Text>
        <Typography.Text>
          {t('shell.awaitingSync', { count: counts.approved + counts.queued })}
        </Typography.Text>
      </Space>
    </div>
  );
}
