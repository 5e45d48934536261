import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { confirmRules, newPasswordRules } from '../../ui/form-rules';

export function ResetPasswordModal(props: {
  username: string | null;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (newPassword: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  return (
    <Modal
      open={props.username !== null}
      title={`${t('users.resetPassword')}: ${props.username ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ password }) => props.onSubmit(password)}
      >
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('auth.passwordRule')}
          rules={newPasswordRules(t)}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
