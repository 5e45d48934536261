import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningStatus } from '../../../src-shared/domain/signing';
import { vietnamDay } from '../../../src-shared/domain/vietnam-day';
import { displayDate, parseDisplayDate } from '../../../src-shared/indexing/vietnamese-dates';
import { revokeResult } from '../../lookup/revoke-result';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';

interface RevokeValues {
  date: string;
  documentNumber: string;
  reason: string;
  /** The signing device's PIN or password, asked only while it is locked. */
  secret?: string;
}

/**
 * A supervisor records that a result was revoked by a later decision of its issuing agency:
 * from which day, by which decision, why. The revocation is signed with the supervisor's
 * signing device (its PIN is asked here if it is locked), so SoHoa Central can check who
 * made it. The signed file stays as it is; the result reads "revoked" from that day, here
 * and, once synced, on SoHoa Central for every station.
 */
export function RevokeDialog(props: {
  target: { code: string; recordId?: string | undefined; issueDate: string } | null;
  onClose: (revoked: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<RevokeValues>();
  const [device, setDevice] = useState<SigningStatus | null>(null);
  const { target } = props;
  useEffect(() => {
    if (target) void station.signing.status({}).then(setDevice, () => setDevice(null));
  }, [target]);
  const locked = device !== null && device.method !== 'none' && !device.unlocked;
  const secretLabel = device?.method === 'pkcs12' ? t('finalize.password') : t('finalize.pin');

  const submit = async (values: RevokeValues) => {
    if (!target) return;
    const date = parseDisplayDate(values.date);
    if (!date) return form.setFields([{ name: 'date', errors: [t('indexing.problems.date')] }]);
    if (target.issueDate && date < target.issueDate) {
      return form.setFields([
        { name: 'date', errors: [t('lookup.revoke.beforeIssue', { date: displayDate(target.issueDate) })] },
      ]);
    }
    try {
      if (locked && values.secret) setDevice(await station.signing.unlock({ secret: values.secret }));
      await revokeResult(target, { date, documentNumber: values.documentNumber, reason: values.reason });
      void message.success(t('lookup.revoke.done', { code: target.code }));
      form.resetFields();
      props.onClose(true);
    } catch (error) {
      // A wrong PIN is not left in the field to be sent again.
      form.setFieldValue('secret', undefined);
      void message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={target !== null}
      title={t('lookup.revoke.title', { code: target?.code ?? '' })}
      okText={t('lookup.revoke.confirm')}
      okButtonProps={{ danger: true, ...{ 'data-testid': 'revoke-confirm' } }}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('lookup.revoke.hint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: displayDate(vietnamDay()) }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="date" label={t('lookup.revoke.date')} rules={[{ required: true }]}>
          <Input placeholder="dd/mm/yyyy" data-testid="revoke-date" />
        </Form.Item>
        <Form.Item
          name="documentNumber"
          label={t('lookup.revoke.documentNumber')}
          rules={[{ required: true, whitespace: true, message: t('indexing.problems.required') }]}
        >
          <Input placeholder="12/QĐ-SLĐTBXH" data-testid="revoke-document" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('lookup.revoke.reason')}
          rules={[{ required: true, whitespace: true, message: t('indexing.problems.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="revoke-reason" />
        </Form.Item>
        {locked ? (
          <>
            <Alert
              type="info"
              showIcon
              title={t('lookup.revoke.deviceLocked')}
              style={{ marginBottom: 12 }}
            />
            <Form.Item name="secret" label={secretLabel} rules={[{ required: true, message: secretLabel }]}>
              <Input.Password autoComplete="off" data-testid="revoke-secret" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
