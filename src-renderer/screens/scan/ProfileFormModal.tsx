import { Form, Input, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { BLANK_POLICIES, type BlankPolicy } from '../../../src-shared/capture/capture-profile';
import { PROCEDURE_CODE_PATTERN } from '../../../src-shared/domain/procedure-code';
import { DepartmentSelect } from '../../ui/DepartmentSelect';

export interface ProfileFormValues {
  name: string;
  blankPolicy: BlankPolicy;
  departmentCode?: string;
  procedureCode?: string;
  box?: string;
  shelf?: string;
}

/** Name the current scan settings and say where their records go. */
export function ProfileFormModal(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: ProfileFormValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileFormValues>();
  return (
    <Modal
      open={props.open}
      title={t('scan.saveProfile')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'profile-form-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ blankPolicy: 'flag' }}
        onFinish={props.onSubmit}
      >
        <Form.Item
          name="name"
          label={t('scan.profileName')}
          rules={[{ required: true, whitespace: true, message: t('scan.profileNameRequired') }]}
        >
          <Input maxLength={80} data-testid="profile-form-name" />
        </Form.Item>
        <Form.Item name="blankPolicy" label={t('scan.blankPolicy')}>
          <Radio.Group
            data-testid="profile-form-blank"
            options={BLANK_POLICIES.map((value) => ({ value, label: t(`scan.blankPolicies.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="departmentCode" label={t('scan.department')}>
          <DepartmentSelect data-testid="profile-form-department" />
        </Form.Item>
        <Form.Item
          name="procedureCode"
          label={t('scan.procedureCode')}
          rules={[{ pattern: PROCEDURE_CODE_PATTERN, message: t('scan.procedureCodeRule') }]}
        >
          <Input placeholder="1.000459" maxLength={8} />
        </Form.Item>
        {/* Where the paper of this profile's stacks lies; a cover sheet's own box wins. */}
        <Space size="middle" align="start">
          <Form.Item name="box" label={t('indexing.fields.box')} extra={t('scan.profileBoxHelp')}>
            <Input maxLength={40} style={{ width: 180 }} data-testid="profile-form-box" />
          </Form.Item>
          <Form.Item name="shelf" label={t('indexing.fields.shelf')}>
            <Input maxLength={40} style={{ width: 180 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
