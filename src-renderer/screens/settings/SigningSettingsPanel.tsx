import { App, Button, Card, Form, Input, Radio, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ABSOLUTE_PATH_PATTERN, type SigningSettings } from '../../../src-shared/domain/settings';
import type { ResponseOf } from '../../../src-shared/ipc/contract';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';

type Tokens = ResponseOf<'signing.tokens'>;

/**
 * How this station signs: the token's PKCS#11 library (and which token and certificate, found
 * by "Find tokens"), or a PKCS#12 file; the stamp, the timestamp server, the trust folder.
 */
export function SigningSettingsPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings, save: saveSettings } = useStationSettings();
  const [form] = Form.useForm<SigningSettings>();
  const [busy, setBusy] = useState(false);
  const [tokens, setTokens] = useState<Tokens | null>(null);
  const method = Form.useWatch('method', form) ?? settings?.signing.method;
  if (!settings) return null;

  const path = { pattern: ABSOLUTE_PATH_PATTERN, message: t('settings.signing.absolutePath') };
  const save = async (values: SigningSettings) => {
    setBusy(true);
    try {
      await saveSettings({ signing: { ...settings.signing, ...values } });
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const findTokens = async () => {
    try {
      await save(form.getFieldsValue(true));
      setTokens(await station.signing.tokens({}));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card title={t('settings.signing.title')} extra={editable ? null : t('settings.adminOnly')}>
      <Form<SigningSettings>
        form={form}
        layout="vertical"
        initialValues={settings.signing}
        onFinish={(values) => void save(values)}
        disabled={!editable || busy}
        data-testid="signing-settings"
      >
        <Form.Item name="method" label={t('settings.signing.method')}>
          <Radio.Group
            options={(['none', 'pkcs11', 'pkcs12'] as const).map((value) => ({
              value,
              label: t(`finalize.methods.${value}`),
            }))}
          />
        </Form.Item>
        {method === 'pkcs11' ? (
          <>
            <Form.Item
              name="pkcs11Module"
              label={t('settings.signing.module')}
              extra={t('settings.signing.moduleHelp')}
              rules={[path]}
            >
              <Input placeholder="C:\Windows\System32\vnpt-ca_csp11.dll" />
            </Form.Item>
            <Space align="start" wrap>
              <Form.Item name="tokenLabel" label={t('settings.signing.token')}>
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name="certificateId" label={t('settings.signing.certificate')}>
                <Input style={{ width: 220 }} />
              </Form.Item>
              <Form.Item label=" ">
                <Button onClick={() => void findTokens()}>{t('settings.signing.findTokens')}</Button>
              </Form.Item>
            </Space>
            {tokens ? (
              <Table
                size="small"
                pagination={false}
                rowKey={(row) => `${row.token}:${row.id}`}
                dataSource={tokens.flatMap((token) =>
                  token.certificates.map((certificate) => ({ token: token.label, ...certificate })),
                )}
                columns={[
                  { title: t('settings.signing.token'), dataIndex: 'token' },
                  { title: t('verification.signer'), dataIndex: 'commonName' },
                  {
                    title: t('finalize.validTo'),
                    dataIndex: 'notAfter',
                    render: (value: string) => value.slice(0, 10),
                  },
                  {
                    title: '',
                    render: (_value, row) => (
                      <Button
                        size="small"
                        onClick={() => form.setFieldsValue({ tokenLabel: row.token, certificateId: row.id })}
                      >
                        {t('settings.signing.choose')}
                      </Button>
                    ),
                  },
                ]}
              />
            ) : null}
          </>
        ) : null}
        {method === 'pkcs12' ? (
          <Form.Item name="pkcs12File" label={t('settings.signing.p12')} rules={[path]}>
            <Input placeholder="D:\ChuKySo\so-ldtbxh.p12" />
          </Form.Item>
        ) : null}
        <Space align="start" wrap>
          <Form.Item name="stamp" label={t('settings.signing.stamp')}>
            <Select
              style={{ width: 220 }}
              options={(['none', 'first', 'last'] as const).map((value) => ({
                value,
                label: t(`settings.signing.stamps.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="location" label={t('settings.signing.location')}>
            <Input style={{ width: 260 }} maxLength={200} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label={t('settings.signing.reason')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="tsaUrl" label={t('settings.signing.tsa')} extra={t('settings.signing.tsaHelp')}>
          <Input placeholder="http://tsa.ca.gov.vn" />
        </Form.Item>
        <Form.Item
          name="trustDir"
          label={t('settings.signing.trustDir')}
          extra={t('settings.signing.trustDirHelp')}
          rules={[path]}
        >
          <Input />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
