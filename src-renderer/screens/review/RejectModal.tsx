import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { REJECT_REASONS, type RejectReason } from '../../../src-shared/review/review-decision';

export interface RejectValues {
  code: RejectReason;
  text: string;
}

/** Why the records go back: a reason from the list, and words for the clerk (required for "other"). */
export function RejectModal(props: {
  open: boolean;
  count: number;
  onCancel: () => void;
  onReject: (values: RejectValues) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RejectValues>();
  const code = Form.useWatch('code', form);
  return (
    <Modal
      open={props.open}
      title={t('review.rejectTitle', { count: props.count })}
      okText={t('review.reject')}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'reject-confirm' } }}
      cancelText={t('common.cancel')}
      onCancel={props.onCancel}
      onOk={() =>
        form.validateFields().then((values) => props.onReject({ ...values, text: values.text ?? '' }))
      }
      afterClose={() => form.resetFields()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ code: 'wrongFields', text: '' }}>
        <Form.Item name="code" label={t('review.reason')} rules={[{ required: true }]}>
          <Select
            data-testid="reject-reason"
            options={REJECT_REASONS.map((reason) => ({
              value: reason,
              label: t(`review.reasons.${reason}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('review.reasonText')}
          rules={[{ required: code === 'other', message: t('review.reasonTextRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="reject-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
