import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { accessLogEntrySchema } from '../../src-shared/central/central-api';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { useConsoleApi } from '../api/admin-session';
import { useCentral } from '../api/use-central';
import { useProblemText } from '../api/use-problem-text';

type Entry = z.infer<typeof accessLogEntrySchema>;
const FILTERS = ['ownerId', 'stationId', 'clientId'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

/**
 * Every read of personal data on Central, newest first: which station and user, or which
 * partner system and why; whose ID, which record. Filtered by owner, station or API client
 * (the filters live in the address, so a filtered view can be linked).
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const problemText = useProblemText();
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(
    FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])),
  );
  const key = JSON.stringify(filters);
  const stations = useCentral((central) => central.call('listStations'), 'stations');
  const clients = useCentral((central) => central.call('listClients'), 'clients');
  const first = useCentral((central) => central.call('accessLog', { query: filters }), key);
  // Pages after the first, read for the first page shown (new filters or a refresh start again).
  const [later, setMore] = useState<{ after: unknown; entries: Entry[]; next: number | null } | null>(null);
  const more = later && later.after === first.data ? later : null;
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const entries = [...(first.data?.entries ?? []), ...(more?.entries ?? [])];
  const next = more ? more.next : (first.data?.next ?? null);
  const clientName = new Map((clients.data?.clients ?? []).map((client) => [client.clientId, client.name]));

  const loadMore = async () => {
    if (next === null) return;
    setLoadingMore(true);
    try {
      const page = await api.call('accessLog', { query: { ...filters, offset: String(next) } });
      setMore({ after: first.data, entries: [...(more?.entries ?? []), ...page.entries], next: page.next });
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setLoadingMore(false);
    }
  };

  const apply = (values: Filters) => {
    const chosen = Object.entries(values).filter(([, value]) => value && String(value).trim());
    setParams(new URLSearchParams(chosen.map(([name, value]) => [name, String(value).trim()])));
  };

  return (
    <Card title={t('console.accessLog.title')}>
      <Typography.Paragraph type="secondary">{t('console.accessLog.intro')}</Typography.Paragraph>
      {/* Keyed by the filters: the form shows what the address asks for. */}
      <Form<Filters>
        key={key}
        initialValues={filters}
        layout="inline"
        onFinish={apply}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="ownerId" label={t('console.accessLog.ownerId')}>
          <Input allowClear style={{ width: 180 }} data-testid="filter-owner" />
        </Form.Item>
        <Form.Item name="stationId" label={t('console.accessLog.station')}>
          <Select
            allowClear
            style={{ width: 200 }}
            data-testid="filter-station"
            options={(stations.data?.stations ?? []).map((station) => ({
              value: station.stationId,
              label: `${station.stationNumber} ${station.stationName}`.trim(),
            }))}
          />
        </Form.Item>
        <Form.Item name="clientId" label={t('console.accessLog.client')}>
          <Select
            allowClear
            style={{ width: 220 }}
            data-testid="filter-client"
            options={(clients.data?.clients ?? []).map((client) => ({
              value: client.clientId,
              label: client.name,
            }))}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="filter-apply">
            {t('console.accessLog.apply')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={first.reload}>
            {t('console.reload')}
          </Button>
        </Space>
      </Form>
      {first.error || problem ? (
        <Alert
          type="error"
          showIcon
          title={problem ?? problemText(first.error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<Entry>
        rowKey={(entry) =>
          `${entry.at}|${entry.user}|${entry.code ?? ''}|${entry.ownerId ?? ''}|${entry.action}`
        }
        size="small"
        loading={first.loading}
        dataSource={entries}
        pagination={false}
        locale={{ emptyText: t('console.accessLog.none') }}
        data-testid="access-log"
        columns={[
          {
            title: t('console.at'),
            dataIndex: 'at',
            width: 150,
            render: (at: string) => formatDateTime(Date.parse(at)),
          },
          {
            title: t('console.accessLog.who'),
            key: 'who',
            render: (_, entry) =>
              entry.clientId ? (
                <span>
                  <Tag color="blue">{clientName.get(entry.clientId) ?? entry.user}</Tag>
                  {entry.purpose ? (
                    <div>
                      <Typography.Text type="secondary">{entry.purpose}</Typography.Text>
                    </div>
                  ) : null}
                </span>
              ) : entry.stationNumber ? (
                t('console.accessLog.stationUser', { number: entry.stationNumber, user: entry.user })
              ) : (
                t('console.accessLog.admin')
              ),
          },
          {
            title: t('console.accessLog.action'),
            dataIndex: 'action',
            width: 130,
            render: (action: Entry['action']) => t(`console.accessLog.actions.${action}`),
          },
          {
            title: t('console.accessLog.ownerId'),
            dataIndex: 'ownerId',
            render: (id: string | null) => id ?? '—',
          },
          {
            title: t('console.lookup.code'),
            dataIndex: 'code',
            render: (code: string | null) => code ?? '—',
          },
          {
            title: t('console.accessLog.query'),
            dataIndex: 'query',
            render: (query: Record<string, string>) =>
              Object.entries(query)
                .map(([name, value]) => `${name}=${value}`)
                .join(', '),
          },
        ]}
      />
      {next !== null ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={loadingMore} onClick={() => void loadMore()} data-testid="access-log-more">
            {t('console.more')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
