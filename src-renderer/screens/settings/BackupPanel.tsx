import { CloudUploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../src-shared/backup/backup-manifest';
import type { BackupSettings } from '../../../src-shared/domain/settings';
import { AppError, type ErrorCode } from '../../../src-shared/errors/app-error';
import { requestBackup, useBackupState } from '../../backup/backup-state';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { RecoveryPassphraseFields } from '../../ui/AccountFields';
import { formatBytes, formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';

/**
 * Backups for the IT admin: the folder, how often, how many kept, the recovery passphrase;
 * for everyone: how the last backup went, and a button to back up now.
 */
export function BackupPanel(props: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings, save } = useStationSettings();
  const runner = useBackupState();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [changing, setChanging] = useState(false);
  const [passphraseForm] = Form.useForm<{ passphrase: string }>();
  const refresh = useCallback(() => station.backup.status({}).then(setStatus, () => setStatus(null)), []);
  useEffect(() => {
    void refresh();
  }, [refresh, runner.runs, settings?.backup.folder]);
  if (!settings) return null;

  const saveSettings = async (values: BackupSettings) => {
    try {
      await save({ backup: { ...values, folder: values.folder.trim() } });
      void message.success(t('backup.saved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const savePassphrase = async ({ passphrase }: { passphrase: string }) => {
    try {
      setStatus(await station.backup.setPassphrase({ passphrase }));
      passphraseForm.resetFields();
      setChanging(false);
      void message.success(t('backup.passphraseSaved'));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const last = status?.last;
  const reason = last ? t(`backup.reasons.${last.reason}`) : '';
  const progress = runner.progress;
  return (
    <Card title={t('backup.title')} data-testid="backup-panel">
      <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
      {!settings.backup.folder ? (
        <Alert type="warning" showIcon title={t('backup.notConfigured')} style={{ marginBottom: 12 }} />
      ) : null}
      {status && !status.passphraseSet ? (
        <Alert type="warning" showIcon title={t('backup.passphraseMissing')} style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Text strong>{t('backup.last')}: </Typography.Text>
      <Typography.Text data-testid="backup-last" type={last && !last.ok ? 'danger' : undefined}>
        {!last
          ? t('backup.never')
          : last.ok && last.snapshot
            ? t('backup.lastOk', {
                at: formatDateTime(last.at),
                reason,
                records: last.snapshot.records,
                pages: last.snapshot.pages,
                newBytes: formatBytes(last.snapshot.newBytes),
                totalBytes: formatBytes(last.snapshot.totalBytes),
              })
            : `${t('backup.lastFailed', { at: formatDateTime(last.at), reason })} — ${errorText(
                new AppError((last.error?.code ?? 'internal') as ErrorCode, {
                  params: last.error?.params ?? {},
                }),
              )}`}
      </Typography.Text>
      {runner.running ? (
        <div data-testid="backup-progress">
          <Progress
            percent={
              progress && progress.totalBytes > 0
                ? Math.round((progress.sentBytes / progress.totalBytes) * 100)
                : 0
            }
          />
          <Typography.Text type="secondary">
            {t('backup.running', {
              sent: formatBytes(progress?.sentBytes ?? 0),
              total: formatBytes(progress?.totalBytes ?? 0),
            })}
          </Typography.Text>
        </div>
      ) : null}
      <div style={{ margin: '12px 0' }}>
        <Button
          icon={<CloudUploadOutlined />}
          onClick={() => requestBackup('manual')}
          loading={runner.running !== null}
          disabled={!settings.backup.folder || !status?.passphraseSet}
          data-testid="backup-now"
        >
          {t('backup.now')}
        </Button>
      </div>

      {props.editable ? (
        <>
          <Divider />
          <Form<BackupSettings>
            layout="vertical"
            initialValues={settings.backup}
            onFinish={(values) => void saveSettings(values)}
          >
            <Form.Item
              name="folder"
              label={t('backup.folder')}
              extra={t('backup.folderHelp')}
              rules={[{ pattern: /^(\/|[A-Za-z]:[\\/]|\\\\)/, message: t('backup.folderHelp') }]}
            >
              <Input data-testid="backup-folder" />
            </Form.Item>
            <Space wrap>
              <Form.Item
                name="intervalHours"
                label={t('backup.intervalHours')}
                extra={t('backup.intervalHelp')}
              >
                <InputNumber min={0} max={168} data-testid="backup-interval" />
              </Form.Item>
              <Form.Item name="keep" label={t('backup.keep')}>
                <InputNumber min={1} max={365} />
              </Form.Item>
            </Space>
            <Form.Item name="afterSigning" label={t('backup.afterSigning')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="backup-save">
              {t('backup.save')}
            </Button>
          </Form>
          <Divider />
          {status?.passphraseSet && !changing ? (
            <Space direction="vertical">
              <Typography.Text type="success">{t('backup.passphraseSet')}</Typography.Text>
              <Button onClick={() => setChanging(true)}>{t('backup.changePassphrase')}</Button>
            </Space>
          ) : (
            <Form form={passphraseForm} layout="vertical" onFinish={(values) => void savePassphrase(values)}>
              <RecoveryPassphraseFields testIdPrefix="backup" />
              <Button type="primary" htmlType="submit" data-testid="backup-passphrase-save">
                {status?.passphraseSet ? t('backup.changePassphrase') : t('backup.setPassphrase')}
              </Button>
            </Form>
          )}
        </>
      ) : null}
    </Card>
  );
}
