import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { NewPasswordFields } from '../../ui/AccountFields';

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
        <NewPasswordFields label={t('users.newPassword')} />
      </Form>
    </Modal>
  );
}
