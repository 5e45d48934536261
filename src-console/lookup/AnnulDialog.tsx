import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleApi } from '../api/admin-session';
import { useAction } from '../api/use-action';

/**
 * A revocation recorded in error is annulled by Central's administrator, with the reason (kept
 * in Central's journal; the record counts as valid again).
 */
export function AnnulDialog(props: { code: string | null; onClose: (annulled: boolean) => void }) {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, run } = useAction();
  const { code } = props;

  const annul = async ({ reason }: { reason: string }) => {
    if (!code) return;
    await run(async () => {
      await api.call('annulRevocation', { params: { code }, body: { reason } });
      void message.success(t('console.lookup.annulled', { code }));
      props.onClose(true);
    });
  };

  return (
    <Modal
      open={code !== null}
      title={t('console.lookup.annulTitle', { code })}
      okText={t('console.lookup.annul')}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('console.lookup.annulHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void annul(values)}>
        <Form.Item
          name="reason"
          label={t('console.lookup.annulReason')}
          rules={[
            { required: true, whitespace: true, max: 500, message: t('console.lookup.annulReasonRequired') },
          ]}
        >
          <Input.TextArea rows={3} data-testid="annul-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
