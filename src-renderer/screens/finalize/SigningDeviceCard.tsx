import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningStatus } from '../../../src-shared/domain/signing';
import { station } from '../../station/station';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';

/** The signing device: which one, unlocked or not, whose certificate; unlock asks for the PIN or password. */
export function SigningDeviceCard(props: { waiting: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [status, setStatus] = useState<SigningStatus | null>(null);
  const [asking, setAsking] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ secret: string }>();

  const refresh = useCallback(() => {
    void station.signing.status({}).then(setStatus, () => setStatus(null));
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, 3000);
    return () => clearInterval(timer);
  }, [refresh]);

  const unlock = async ({ secret }: { secret: string }) => {
    setUnlocking(true);
    setProblem(null);
    try {
      setStatus(await station.signing.unlock({ secret }));
      setAsking(false);
      form.resetFields();
      void message.success(t('finalize.unlocked'));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setUnlocking(false);
    }
  };
  const lock = async () => {
    await station.signing.lock({});
    refresh();
  };

  const secretLabel = status?.method === 'pkcs12' ? t('finalize.password') : t('finalize.pin');
  return (
    <Card size="small" title={t('finalize.device')} data-testid="signing-device">
      {status?.method === 'none' ? (
        <Alert type="warning" showIcon title={t('errors.signing.notConfigured')} />
      ) : null}
      {status && status.method !== 'none' ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Tag>{t(`finalize.methods.${status.method}`)}</Tag>
            {status.unlocked ? (
              <Tag color="green" data-testid="signing-unlocked">
                {t('finalize.isUnlocked')}
              </Tag>
            ) : (
              <Tag color="orange">{t('finalize.isLocked')}</Tag>
            )}
          </Space>
          {status.signer ? (
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('verification.signer')}>{status.signer.name}</Descriptions.Item>
              <Descriptions.Item label={t('verification.issuer')}>{status.signer.issuer}</Descriptions.Item>
              <Descriptions.Item label={t('finalize.validTo')}>
                {formatDateTime(Date.parse(status.signer.validTo))}
              </Descriptions.Item>
            </Descriptions>
          ) : null}
          {props.waiting && !status.unlocked ? (
            <Alert type="info" showIcon title={t('finalize.waitingForUnlock')} />
          ) : null}
          {status.unlocked ? (
            <Button icon={<LockOutlined />} onClick={() => void lock()}>
              {t('finalize.lock')}
            </Button>
          ) : (
            <Button
              type="primary"
              icon={<UnlockOutlined />}
              onClick={() => setAsking(true)}
              data-testid="signing-unlock"
            >
              {t('finalize.unlock')}
            </Button>
          )}
        </Space>
      ) : null}
      <Modal
        open={asking}
        title={t('finalize.unlockTitle')}
        okText={t('finalize.unlock')}
        confirmLoading={unlocking}
        onOk={() => form.submit()}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => void unlock(values)}>
          <Form.Item name="secret" label={secretLabel} rules={[{ required: true, message: secretLabel }]}>
            <Input.Password autoFocus autoComplete="off" data-testid="signing-secret" />
          </Form.Item>
        </Form>
        {problem ? <Alert type="error" showIcon title={problem} data-testid="signing-problem" /> : null}
      </Modal>
    </Card>
  );
}
