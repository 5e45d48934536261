import { Checkbox, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-shared/domain/roles';
import { DisplayNameField, NewPasswordFields, UsernameField } from '../../ui/AccountFields';

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
        <DisplayNameField testIdPrefix="user-form" />
        <UsernameField testIdPrefix="user-form" />
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
        <NewPasswordFields testIdPrefix="user-form" />
      </Form>
    </Modal>
  );
}
