import { Alert, Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { DisplayNameField, NewPasswordFields, UsernameField } from '../../ui/AccountFields';
import { useErrorText } from '../../ui/use-error-text';
import { AuthLayout } from './AuthLayout';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the station has no account, so the first one is its administrator. */
export function SetupScreen() {
  const { t } = useTranslation();
  const { setupAdmin } = useSession();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, displayName, password }: SetupValues) => {
    setBusy(true);
    setError(null);
    try {
      await setupAdmin({ username, displayName, password });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.setupTitle')}>
      <Typography.Paragraph type="secondary">{t('auth.setupIntro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<SetupValues> layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
        <DisplayNameField testIdPrefix="setup" autoFocus />
        <UsernameField testIdPrefix="setup" />
        <NewPasswordFields testIdPrefix="setup" />
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
          {t('auth.createAdmin')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
