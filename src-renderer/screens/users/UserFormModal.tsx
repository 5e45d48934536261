import { Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-shared/domain/roles';
import { confirmRules, newPasswordRules, usernameRules } from '../../ui/form-rules';

export interface NewUserValues {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

/** Add a station user: name, roles and a first password the admin hands over. */
export function UserFormModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: NewUserValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUserValues & { confirm: string }>();
  return (
    <Modal
      open={props.open}
      title={t('users.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ roles: ['clerk'] }}
        onFinish={({ username, displayName, roles, password }) =>
          props.onSubmit({ username, displayName, roles, password })
        }
      >
        <Form.Item
          name="displayName"
          label={t('auth.displayName')}
          rules={[{ required: true, whitespace: true, message: t('auth.displayNameRequired') }]}
        >
          <Input data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('auth.username')}
          extra={t('auth.usernameRule')}
          rules={usernameRules(t)}
        >
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Checkbox.Group
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            data-testid="user-form-roles"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordRule')}
          rules={newPasswordRules(t)}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={confirmRules(t, 'password')}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
