import { EyeOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ApiClient, PartnerScope } from '../../src-shared/central/partner-api';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { useConsoleApi } from '../api/admin-session';
import { useCentral } from '../api/use-central';
import { useProblemText } from '../api/use-problem-text';
import { ClientCreateDialog, scopeKey } from './ClientCreateDialog';

/** Other systems that read Central (the partner API): their scopes and rate, made and revoked here. */
export function ClientsPage() {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const clients = useCentral((central) => central.call('listClients'), 'clients');
  const [creating, setCreating] = useState(false);

  const revoke = async (client: ApiClient) => {
    try {
      await api.call('revokeClient', { params: { clientId: client.clientId } });
      void message.success(t('console.clients.revoked', { name: client.name }));
      clients.reload();
    } catch (error) {
      void message.error(problemText(error));
    }
  };

  return (
    <Card
      title={t('console.clients.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="create-client"
        >
          {t('console.clients.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('console.clients.intro')}</Typography.Paragraph>
      {clients.error ? <Alert type="error" showIcon title={problemText(clients.error)} /> : null}
      <Table<ApiClient>
        rowKey="clientId"
        loading={clients.loading}
        dataSource={clients.data?.clients ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('console.clients.none') }}
        data-testid="clients"
        columns={[
          { title: t('console.clients.name'), dataIndex: 'name' },
          {
            title: 'client_id',
            dataIndex: 'clientId',
            render: (id: string) => (
              <Typography.Text copyable code style={{ fontSize: 12 }}>
                {id}
              </Typography.Text>
            ),
          },
          {
            title: t('console.clients.scopes'),
            dataIndex: 'scopes',
            render: (scopes: PartnerScope[]) =>
              scopes.map((scope) => (
                <Tooltip key={scope} title={scope}>
                  <Tag>{t(`console.clients.scopeNames.${scopeKey(scope)}`)}</Tag>
                </Tooltip>
              )),
          },
          {
            title: t('console.clients.rate'),
            dataIndex: 'ratePerMinute',
            align: 'right',
            render: (rate: number) => rate.toLocaleString('vi-VN'),
          },
          {
            title: t('console.clients.createdAt'),
            dataIndex: 'createdAt',
            render: (at: string) => formatDateTime(Date.parse(at)),
          },
          {
            title: t('console.stations.state'),
            key: 'state',
            render: (_, client) =>
              client.revokedAt ? (
                <Tooltip title={formatDateTime(Date.parse(client.revokedAt))}>
                  <Tag color="red">{t('console.stations.stateRevoked')}</Tag>
                </Tooltip>
              ) : (
                <Tag color="green">{t('console.stations.stateActive')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, client) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  icon={<EyeOutlined />}
                  onClick={() => void navigate(`/access-log?clientId=${client.clientId}`)}
                  data-testid={`client-log-${client.name}`}
                >
                  {t('console.clients.accessLog')}
                </Button>
                {client.revokedAt ? null : (
                  <Popconfirm
                    title={t('console.clients.revokeConfirm', { name: client.name })}
                    description={t('console.clients.revokeHint')}
                    okText={t('console.stations.revoke')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(client)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<StopOutlined />}
                      data-testid={`revoke-client-${client.name}`}
                    >
                      {t('console.stations.revoke')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ClientCreateDialog
        open={creating}
        onClose={(made) => {
          setCreating(false);
          if (made) clients.reload();
        }}
      />
    </Card>
  );
}
