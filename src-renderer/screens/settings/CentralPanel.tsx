import { ApiOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Typography,
} from 'antd';
import type { TlsCertificateInfo, TlsProbe } from '../../../src-shared/central/central-tls';
import { CertificateChain, Fingerprint } from '../../../src-web/CertificateChain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-shared/ipc/contract';
import { afterMainChange } from '../../audit/drain-journal';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';

/**
 * SoHoa Central for this station: whether it is enrolled (and as which station, with which
 * certificate pinned), the certificate Central presents (the admin compares its fingerprint
 * with Central's console and confirms the one to pin), the one-time enrolment code the Central
 * administrator gave, and how long signed files stay here after Central's receipt. The address
 * itself is a station setting (above).
 */
export function CentralPanel(props: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings, save } = useStationSettings();
  const [status, setStatus] = useState<ResponseOf<'sync.status'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [probe, setProbe] = useState<TlsProbe | null>(null);
  const [pin, setPin] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const refresh = useCallback(() => station.sync.status({}).then(setStatus, () => setStatus(null)), []);
  useEffect(() => {
    void refresh();
  }, [refresh, settings?.centralUrl]);
  if (!settings) return null;
  const https = settings.centralUrl.startsWith('https:');

  const checkCertificate = async () => {
    setBusy(true);
    setConfirmed(false);
    try {
      const found = await station.sync.probeTls({});
      setProbe(found);
      setPin(found.proposed);
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const enrol = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      if (https && !(confirmed && pin)) {
        void message.warning(t('settings.central.confirmRequired'));
        return;
      }
      const enrolled = await station.sync.enrol({ code, ...(https && pin ? { pin } : {}) });
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
          {status.tlsFingerprint ? (
            <Descriptions.Item label={t('settings.central.pinned')}>
              <Fingerprint value={status.tlsFingerprint} testId="central-pinned" />
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
      {props.editable && settings.centralUrl && !https ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('settings.central.plainHttp')} />
      ) : null}
      {props.editable && https ? (
        <div style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('settings.central.probeHint')}</Typography.Paragraph>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={busy && !probe}
            onClick={() => void checkCertificate()}
            data-testid="central-probe"
          >
            {t('settings.central.probe')}
          </Button>
          {probe?.tls ? (
            <PinChoice
              chain={probe.chain}
              pin={pin}
              onPin={(fingerprint) => {
                setPin(fingerprint);
                setConfirmed(false);
              }}
            />
          ) : null}
          {probe?.tls ? (
            <Checkbox
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
              data-testid="central-confirm"
            >
              {t('settings.central.confirm')}
            </Checkbox>
          ) : null}
        </div>
      ) : null}
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

/** The chain Central presents, each certificate with its fingerprint; the one to pin chosen by the admin. */
function PinChoice(props: {
  chain: TlsCertificateInfo[];
  pin: string | null;
  onPin: (fingerprint: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>
        {t('settings.central.chain')}
      </Typography.Paragraph>
      <CertificateChain chain={props.chain} pin={props.pin} onPin={props.onPin} testId="central-chain" />
      <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
        {t('settings.central.pinHint')}
      </Typography.Paragraph>
    </>
  );
}
