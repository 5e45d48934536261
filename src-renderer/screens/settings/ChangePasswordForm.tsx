import { App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { station } from '../../station/station';
import { NewPasswordFields } from '../../ui/AccountFields';
import { useErrorText } from '../../ui/use-error-text';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ currentPassword, newPassword }: Values) => {
    setBusy(true);
    try {
      await station.auth.changePassword({ currentPassword, newPassword });
      form.resetFields();
      void message.success(t('settings.passwordChanged'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('settings.changePassword')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        requiredMark={false}
        style={{ maxWidth: 360 }}
      >
        <Form.Item
          name="currentPassword"
          label={t('settings.currentPassword')}
          rules={[{ required: true, message: t('auth.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" label={t('users.newPassword')} />
        <Button htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
