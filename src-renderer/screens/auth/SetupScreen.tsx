import { Alert, App, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import type { SnapshotSummary } from '../../../src-shared/backup/backup-manifest';
import { station } from '../../station/station';
import {
  DisplayNameField,
  NewPasswordFields,
  RecoveryPassphraseFields,
  UsernameField,
} from '../../ui/AccountFields';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { RestoreForm } from '../backup/RestoreForm';
import { useErrorText } from '../../ui/use-error-text';
import { AuthLayout } from './AuthLayout';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  passphrase: string;
}

/** First run: the station has no account, so the first one is its administrator. */
export function SetupScreen() {
  const { t } = useTranslation();
  const { setupAdmin, refresh } = useSession();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [restoring, setRestoring] = useState(false);
  const { message } = App.useApp();
  // The station has accounts now: the login screen takes over, with the news on top.
  const restored = (snapshot: SnapshotSummary) => {
    void message.success(
      t('backup.restored', { at: formatDateTime(snapshot.createdAt), records: snapshot.records }),
      10,
    );
    void refresh();
  };

  const submit = async ({ username, displayName, password, passphrase }: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      await setupAdmin({ username, displayName, password }, () =>
        station.backup.setPassphrase({ passphrase }),
      );
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  if (restoring) {
    return (
      <AuthLayout title={t('backup.restoreTitle')}>
        <RestoreForm onRestored={restored} />
        <Button type="link" block onClick={() => setRestoring(false)} style={{ marginTop: 8 }}>
          {t('backup.backToSetup')}
        </Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('auth.setupTitle')}>
      <Typography.Paragraph type="secondary">{t('auth.setupIntro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<SetupValues> layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
        <DisplayNameField testIdPrefix="setup" autoFocus />
        <UsernameField testIdPrefix="setup" />
        <NewPasswordFields testIdPrefix="setup" />
        <RecoveryPassphraseFields testIdPrefix="setup" />
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
          {t('auth.createAdmin')}
        </Button>
      </Form>
      <Button
        type="link"
        block
        onClick={() => setRestoring(true)}
        style={{ marginTop: 8 }}
        data-testid="setup-restore"
      >
        {t('backup.openRestore')}
      </Button>
    </AuthLayout>
  );
}
