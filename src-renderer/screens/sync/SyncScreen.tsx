import { useSession } from '../../session/session-context';
import { TransferCard } from './TransferCard';
import { CloudSyncOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../src-shared/errors/app-error';
import { db } from '../../db/database';
import type { OutboxRow, RecordRow } from '../../db/rows';
import { LAST_SUCCESS_KEY, PAUSED_KEY, setSyncPaused, syncNow } from '../../sync/sync-pass';
import { useSyncState, wakeSyncRunner } from '../../sync/sync-state';
import { formatBytes, formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';

interface QueueItem {
  row: OutboxRow;
  record: RecordRow | undefined;
}

/** The outbox as the sync screen shows it: what waits, what Central refused, what went lately. */
const useSyncView = () =>
  useLiveQuery(async () => {
    const rows = await db.outbox.where('status').anyOf('pending', 'uploading', 'failed').toArray();
    const records = await db.records.bulkGet(rows.map((row) => row.recordId));
    const documents = await db.documents.bulkGet(rows.map((row) => row.recordId));
    const recent = (await db.records.where('status').equals('synced').toArray())
      .sort((a, b) => (b.sync?.at ?? 0) - (a.sync?.at ?? 0))
      .slice(0, 20);
    return {
      queue: rows
        .map((row, index): QueueItem => ({ row, record: records[index] }))
        .sort((a, b) => a.row.nextAttemptAt - b.row.nextAttemptAt),
      bytes: documents.reduce((sum, document) => sum + (document?.bytes ?? 0), 0),
      recent,
      lastSuccess: (await db.meta.get(LAST_SUCCESS_KEY))?.value as number | undefined,
      paused: (await db.meta.get(PAUSED_KEY))?.value === true,
    };
  });

/**
 * Sync to SoHoa Central: how many records wait and how many bytes, the last success, what
 * stops sync now (in Vietnamese), "Sync now", pause and resume; the records waiting or
 * refused, and the latest receipts.
 */
export function SyncScreen() {
  const { session } = useSession();
  const canTransfer = session?.roles.some((role) => role === 'supervisor' || role === 'admin') ?? false;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const state = useSyncState();
  const view = useSyncView();
  if (!view) return null;

  const now = async () => {
    await syncNow();
    wakeSyncRunner();
    void message.info(t('sync.started'));
  };
  const pause = async (paused: boolean) => {
    await setSyncPaused(paused);
    if (!paused) wakeSyncRunner();
  };
  const connection = state.online === null ? 'unknown' : state.online ? 'online' : 'offline';
  // No Central address or no enrolment yet: a step of the set-up, not a failure, and nothing to sync to.
  const notSetUp = state.error?.code === 'sync.notConfigured' || state.error?.code === 'sync.notEnrolled';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card data-testid="sync-summary">
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('sync.pending')}
              value={view.queue.filter((item) => item.row.status !== 'failed').length}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('sync.bytes')} value={formatBytes(view.bytes)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('sync.lastSuccess')}
              value={view.lastSuccess ? formatDateTime(view.lastSuccess) : t('common.never')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('sync.connection')}
              valueRender={() => (
                <Tag
                  color={connection === 'online' ? 'green' : connection === 'offline' ? 'red' : 'default'}
                  data-testid="sync-connection"
                >
                  {t(`sync.connections.${connection}`)}
                </Tag>
              )}
            />
          </Col>
        </Row>
        {state.error ? (
          <Alert
            type={notSetUp ? 'info' : state.online === false ? 'warning' : 'error'}
            showIcon
            style={{ marginTop: 16 }}
            title={errorText(AppError.fromData(state.error))}
            data-testid="sync-error"
          />
        ) : null}
        {view.paused ? (
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('sync.pausedHint')} />
        ) : null}
        <Space style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<CloudSyncOutlined />}
            loading={state.running}
            disabled={notSetUp}
            onClick={() => void now()}
            data-testid="sync-now"
          >
            {t('sync.now')}
          </Button>
          {view.paused ? (
            <Button icon={<PlayCircleOutlined />} onClick={() => void pause(false)} data-testid="sync-resume">
              {t('sync.resume')}
            </Button>
          ) : (
            <Button icon={<PauseCircleOutlined />} onClick={() => void pause(true)} data-testid="sync-pause">
              {t('sync.pause')}
            </Button>
          )}
        </Space>
      </Card>
      <Card size="small" title={t('sync.queue')}>
        <Table<QueueItem>
          rowKey={(item) => item.row.id}
          size="small"
          pagination={{ pageSize: 20, showSizeChanger: false }}
          dataSource={view.queue}
          data-testid="sync-queue"
          locale={{ emptyText: t('sync.nothing') }}
          columns={[
            {
              title: t('lookup.code'),
              render: (_, item) => <Typography.Text code>{item.record?.code}</Typography.Text>,
            },
            { title: t('indexing.fields.ownerName'), render: (_, item) => item.record?.ownerName ?? '—' },
            {
              title: t('lookup.status'),
              render: (_, item) => (
                <Tag
                  color={
                    item.row.status === 'failed'
                      ? 'red'
                      : item.row.status === 'uploading'
                        ? 'processing'
                        : 'blue'
                  }
                >
                  {t(`sync.states.${item.row.status}`)}
                </Tag>
              ),
            },
            { title: t('sync.attempts'), render: (_, item) => item.row.attempts },
            {
              title: t('sync.problem'),
              render: (_, item) =>
                item.row.lastError ? (
                  <Typography.Text type={item.row.status === 'failed' ? 'danger' : 'secondary'}>
                    {errorText(AppError.fromData(item.row.lastError))}
                    {item.row.status === 'pending'
                      ? ` · ${t('sync.nextAttempt', { time: formatDateTime(item.row.nextAttemptAt) })}`
                      : ''}
                  </Typography.Text>
                ) : (
                  ''
                ),
            },
          ]}
        />
      </Card>
      {canTransfer ? <TransferCard /> : null}
      <Card size="small" title={t('sync.recent')}>
        <Table<RecordRow>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={view.recent}
          data-testid="sync-recent"
          locale={{ emptyText: t('sync.noneYet') }}
          columns={[
            {
              title: t('lookup.code'),
              dataIndex: 'code',
              render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
            },
            { title: t('indexing.fields.ownerName'), dataIndex: 'ownerName' },
            {
              title: t('sync.storedAt'),
              render: (_, record) =>
                record.sync ? formatDateTime(Date.parse(record.sync.receipt.storedAt)) : '',
            },
            {
              title: t('sync.receipt'),
              render: (_, record) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {record.sync?.receipt.serverId}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
