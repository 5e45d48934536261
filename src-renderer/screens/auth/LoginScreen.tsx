import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/session-context';
import { useErrorText } from '../../ui/use-error-text';
import { AuthLayout } from './AuthLayout';

export function LoginScreen() {
  const { t } = useTranslation();
  const { login, endedIdle } = useSession();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [failures, setFailures] = useState(0);

  // A refused password goes from its field, which gets the focus for the next try (once the
  // form is enabled again).
  useEffect(() => {
    if (failures > 0 && !busy) form.focusField('password');
  }, [failures, busy, form]);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values);
    } catch (failure) {
      setError(errorText(failure));
      form.resetFields(['password']);
      setFailures((count) => count + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout title={t('auth.loginTitle')}>
      {endedIdle && !error ? (
        <Alert type="info" showIcon title={t('errors.auth.sessionExpired')} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, message: t('auth.usernameRequired') }]}
        >
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('auth.login')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
