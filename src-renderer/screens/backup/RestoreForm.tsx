import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../src-shared/backup/backup-manifest';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';

interface RestoreValues {
  folder: string;
  passphrase: string;
}

/** Main checks the passphrase and every piece before it writes; the tables load after sign-in. */
export function RestoreForm({ onRestored }: { onRestored: (snapshot: SnapshotSummary) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: RestoreValues) => {
    setBusy(true);
    setError(null);
    try {
      onRestored(
        await station.backup.restore({ folder: values.folder.trim(), passphrase: values.passphrase }),
      );
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('backup.restoreIntro')}</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="restore-error" />
      ) : null}
      <Form<RestoreValues> layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
        <Form.Item
          name="folder"
          label={t('backup.restoreFolder')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input data-testid="restore-folder" placeholder="E:\SaoLuu" />
        </Form.Item>
        <Form.Item name="passphrase" label={t('backup.passphrase')} rules={[{ required: true }]}>
          <Input.Password data-testid="restore-passphrase" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="restore-submit">
          {t('backup.restoreSubmit')}
        </Button>
      </Form>
    </>
  );
}
