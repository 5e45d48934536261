import { Alert, App, Descriptions, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { READ_SCOPES } from '../../src-shared/central/central-api';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { useConsoleApi } from '../api/admin-session';
import { useProblemText } from '../api/use-problem-text';
import { DepartmentsField, ReadScopeField } from './DepartmentsField';

interface EnrolmentForm {
  departments: string[];
  readScope: (typeof READ_SCOPES)[number];
  validHours: number;
  note: string;
}

/**
 * A one-time enrolment code for a new station: the departments it works for and what it may
 * read are the administrator's to decide (the station cannot widen them). The code is shown
 * here once; the IT admin types it at the station with the fingerprint shown on this page.
 */
export function EnrolmentDialog(props: {
  open: boolean;
  departmentOptions: { value: string; label: string }[];
  onClose: (made: boolean) => void;
}) {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [form] = Form.useForm<EnrolmentForm>();
  const [made, setMade] = useState<{ code: string; expiresAt: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (values: EnrolmentForm) => {
    setBusy(true);
    try {
      setMade(await api.call('createEnrolment', { body: values }));
    } catch (error) {
      void message.error(problemText(error));
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    props.onClose(made !== null);
    setMade(null);
    form.resetFields();
  };

  return (
    <Modal
      open={props.open}
      title={t('console.stations.enrolTitle')}
      okText={made ? t('console.close') : t('console.stations.enrolCreate')}
      cancelButtonProps={{ style: made ? { display: 'none' } : {} }}
      confirmLoading={busy}
      onOk={() => (made ? close() : form.submit())}
      onCancel={close}
      destroyOnHidden
      width={560}
    >
      {made ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('console.stations.enrolMade')}
            style={{ marginBottom: 12 }}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('console.stations.enrolCode')}>
              <Typography.Text copyable strong code data-testid="enrolment-code">
                {made.code}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('console.stations.enrolExpires')}>
              {formatDateTime(Date.parse(made.expiresAt))}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('console.stations.enrolNext')}
          </Typography.Paragraph>
        </>
      ) : (
        <Form<EnrolmentForm>
          form={form}
          layout="vertical"
          initialValues={{ departments: [], readScope: 'department', validHours: 72, note: '' }}
          onFinish={(values) => void create(values)}
        >
          <DepartmentsField options={props.departmentOptions} />
          <ReadScopeField />
          <Form.Item name="validHours" label={t('console.stations.enrolValidHours')}>
            <InputNumber min={1} max={720} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="note" label={t('console.stations.enrolNote')}>
            <Input maxLength={200} placeholder={t('console.stations.enrolNotePlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
