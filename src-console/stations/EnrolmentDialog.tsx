import { Alert, Descriptions, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { READ_SCOPES } from '../../src-shared/central/central-api';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { useConsoleApi } from '../api/admin-session';
import { ShownOnceDialog } from '../shell/ShownOnceDialog';
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
  return (
    <ShownOnceDialog<EnrolmentForm, { code: string; expiresAt: string }>
      open={props.open}
      title={t('console.stations.enrolTitle')}
      makeText={t('console.stations.enrolCreate')}
      width={560}
      initialValues={{ departments: [], readScope: 'department', validHours: 72, note: '' }}
      make={(values) => api.call('createEnrolment', { body: values })}
      onClose={props.onClose}
      shown={(made) => (
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
      )}
    >
      <DepartmentsField options={props.departmentOptions} />
      <ReadScopeField />
      <Form.Item name="validHours" label={t('console.stations.enrolValidHours')}>
        <InputNumber min={1} max={720} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="note" label={t('console.stations.enrolNote')}>
        <Input maxLength={200} placeholder={t('console.stations.enrolNotePlaceholder')} />
      </Form.Item>
    </ShownOnceDialog>
  );
}
