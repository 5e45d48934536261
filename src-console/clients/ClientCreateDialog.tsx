import { Alert, Checkbox, Descriptions, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  PARTNER_SCOPES,
  type apiClientCreatedSchema,
  type PartnerScope,
} from '../../src-shared/central/partner-api';
import { useConsoleApi } from '../api/admin-session';
import { ShownOnceDialog } from '../shell/ShownOnceDialog';

interface ClientForm {
  name: string;
  scopes: PartnerScope[];
  ratePerMinute: number;
}

/**
 * An API client for another system (the province's one-stop system, the national data store):
 * what it may do and how often. Its secret is shown here once (Central keeps only its hash);
 * lost, the client is revoked and made again.
 */
export function ClientCreateDialog(props: { open: boolean; onClose: (made: boolean) => void }) {
  const { t } = useTranslation();
  const api = useConsoleApi();
  return (
    <ShownOnceDialog<ClientForm, z.infer<typeof apiClientCreatedSchema>>
      open={props.open}
      title={t('console.clients.createTitle')}
      makeText={t('console.clients.create')}
      width={620}
      initialValues={{ name: '', scopes: ['records:lookup'], ratePerMinute: 120 }}
      make={(values) => api.call('createClient', { body: values })}
      onClose={props.onClose}
      shown={(made) => (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('console.clients.secretOnce')}
            style={{ marginBottom: 12 }}
            data-testid="secret-once"
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('console.clients.name')}>{made.name}</Descriptions.Item>
            <Descriptions.Item label="client_id">
              <Typography.Text copyable code data-testid="client-id">
                {made.clientId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="client_secret">
              <Typography.Text copyable code data-testid="client-secret">
                {made.clientSecret}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('console.clients.tokenHint')}
          </Typography.Paragraph>
        </>
      )}
    >
      <Form.Item
        name="name"
        label={t('console.clients.name')}
        rules={[
          {
            required: true,
            min: 2,
            max: 120,
            whitespace: true,
            message: t('console.clients.nameRequired'),
          },
        ]}
      >
        <Input placeholder={t('console.clients.namePlaceholder')} data-testid="client-name" />
      </Form.Item>
      <Form.Item
        name="scopes"
        label={t('console.clients.scopes')}
        rules={[{ required: true, type: 'array', min: 1, message: t('console.clients.scopesRequired') }]}
      >
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={PARTNER_SCOPES.map((scope) => ({
            value: scope,
            label: (
              <span data-testid={`scope-${scope}`}>
                {t(`console.clients.scopeNames.${scopeKey(scope)}`)}{' '}
                <Typography.Text code>{scope}</Typography.Text>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="ratePerMinute" label={t('console.clients.rate')} extra={t('console.clients.rateHint')}>
        <InputNumber min={1} max={100_000} style={{ width: 160 }} />
      </Form.Item>
    </ShownOnceDialog>
  );
}

/** A scope's name as an i18n key: `records:lookup` → `recordsLookup`. */
export const scopeKey = (scope: PartnerScope) =>
  scope.replace(/:(\w)/, (_match, letter: string) => letter.toUpperCase());
