import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { confirmRules, newPasswordRules, usernameRules } from '../../ui/form-rules';
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
        <Form.Item
          name="displayName"
          label={t('auth.displayName')}
          rules={[{ required: true, whitespace: true, message: t('auth.displayNameRequired') }]}
        >
          <Input autoFocus data-testid="setup-display-name" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={t('auth.usernameRule')}
          rules={usernameRules(t)}
        >
          <Input autoComplete="username" data-testid="setup-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordRule')}
          rules={newPasswordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
          {t('auth.createAdmin')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
