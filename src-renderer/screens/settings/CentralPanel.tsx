import { ApiOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-shared/ipc/contract';
import { afterMainChange } from '../../audit/drain-journal';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { formatDateTime } from '../../ui/format';
import { useErrorText } from '../../ui/use-error-text';

/**
 * SoHoa Central for this station: whether it is enrolled (and as which station), the
 * one-time enrolment code the Central administrator gave, and how long signed files stay
 * here after Central's receipt. The address itself is a station setting (above).
 */
export function CentralPanel(props: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings, save } = useStationSettings();
  const [status, setStatus] = useState<ResponseOf<'sync.status'> | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => station.sync.status({}).then(setStatus, () => setStatus(null)), []);
  useEffect(() => {
    void refresh();
  }, [refresh, settings?.centralUrl]);
  if (!settings) return null;

  const enrol = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      const enrolled = await station.sync.enrol({ code });
      await afterMainChange();
      setStatus(enrolled);
      void message.success(t('settings.central.enrolled'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('settings.central.title')} data-testid="central-panel">
      {!settings.centralUrl ? (
        <Alert type="info" showIcon title={t('settings.central.noUrl')} />
      ) : status?.enrolled ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('settings.centralUrl')}>{status.centralUrl}</Descriptions.Item>
          <Descriptions.Item label={t('settings.central.stationId')}>
            <Typography.Text code data-testid="central-station-id">
              {status.stationId}
            </Typography.Text>
          </Descriptions.Item>
          {status.enrolledAt ? (
            <Descriptions.Item label={t('settings.central.enrolledAt')}>
              {formatDateTime(status.enrolledAt)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('settings.central.notEnrolled')}
        />
      )}
      {props.editable && settings.centralUrl ? (
        <Form
          layout="inline"
          onFinish={(values: { code: string }) => void enrol(values)}
          style={{ marginBottom: 16 }}
        >
          <Form.Item
            name="code"
            rules={[{ required: true, min: 8, message: t('settings.central.codeRequired') }]}
          >
            <Input
              placeholder={t('settings.central.code')}
              data-testid="central-code"
              style={{ width: 220 }}
            />
          </Form.Item>
          <Button htmlType="submit" icon={<ApiOutlined />} loading={busy} data-testid="central-enrol">
            {status?.enrolled ? t('settings.central.reenrol') : t('settings.central.enrol')}
          </Button>
        </Form>
      ) : null}
      <Form
        layout="vertical"
        disabled={!props.editable}
        initialValues={settings.sync}
        onFinish={(values: typeof settings.sync) =>
          void save({ sync: { ...settings.sync, ...values } }).then(
            () => message.success(t('common.saved')),
            (error: unknown) => message.error(errorText(error)),
          )
        }
      >
        <Space size="large" wrap align="end">
          <Form.Item
            name="pruneAfterDays"
            label={t('settings.central.pruneAfterDays')}
            extra={t('settings.central.pruneHint')}
          >
            <InputNumber min={0} max={3650} addonAfter={t('settings.central.days')} />
          </Form.Item>
          <Form.Item name="requestTimeoutMs" label={t('settings.central.timeout')}>
            <InputNumber min={1000} max={600000} step={1000} addonAfter="ms" />
          </Form.Item>
          {props.editable ? (
            <Form.Item>
              <Button htmlType="submit">{t('common.save')}</Button>
            </Form.Item>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}
