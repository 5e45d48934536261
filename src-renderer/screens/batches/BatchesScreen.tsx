import { EditOutlined, PlusOutlined, RedoOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { canSubmitBatch } from '../../../src-shared/domain/batch';
import { startNewBatch, submitBatch } from '../../batches/batches';
import { db } from '../../db/database';
import type { BatchRow, RecordRow } from '../../db/rows';
import { canCorrect, createCorrection } from '../../finalize/correct-record';
import { useSession } from '../../session/session-context';
import { formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';
import { BatchStatusTag, RecordStatusTag } from '../../ui/StatusTags';
import { ownerOfRecord } from '../../db/record-owner';

/** The clerk's batches, newest first, each with its records. */
const useBatches = (userId: string) =>
  useLiveQuery(async () => {
    const batches = (await db.batches.where('ownerUserId').equals(userId).toArray()).sort(
      (a, b) => b.createdAt - a.createdAt,
    );
    const records = await db.records
      .where('batchId')
      .anyOf(batches.map((batch) => batch.id))
      .toArray();
    return batches.map((batch) => ({
      batch,
      records: records
        .filter((record) => record.batchId === batch.id)
        .sort((a, b) => a.createdAt - b.createdAt),
    }));
  }, [userId]) ?? [];

/** What the supervisor said when sending a record back. */
function RejectionNote({ record }: { record: RecordRow }) {
  const { t } = useTranslation();
  const review = record.review;
  if (record.status !== 'rejected' || !review) return null;
  return (
    <Typography.Text type="danger" data-testid="rejection-reason">
      {t(`review.reasons.${review.reason?.code ?? 'other'}`)}
      {review.reason?.text ? `: ${review.reason.text}` : ''} — {review.byName}, {formatDateTime(review.at)}
    </Typography.Text>
  );
}

/**
 * Batches: what the clerk captured together, submitted for review once signed. A rejected
 * record comes back here with the supervisor's reason, to be corrected (a new version) or
 * sent back unchanged.
 */
export function BatchesScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { session } = useSession();
  const userId = session?.userId ?? '';
  const batches = useBatches(userId);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = batches.find((each) => each.batch.id === chosenId) ?? batches[0];

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const newBatch = () =>
    act(async () => {
      const batch = await startNewBatch(userId, {});
      setChosenId(batch.id);
      void message.success(t('batches.created', { name: batch.name }));
    });
  const submit = (batch: BatchRow, resubmit: string[] = []) =>
    act(async () => {
      const count = await submitBatch(batch.id, resubmit);
      void message.success(t('batches.submitted', { count, name: batch.name }));
    });
  const correct = (record: RecordRow) =>
    act(async () => navigate(`/index?record=${await createCorrection(record.id, userId)}`));

  return (
    <div className="batches-layout">
      <Card
        size="small"
        title={t('batches.title')}
        className="record-list"
        extra={
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => void newBatch()}
            data-testid="batch-new"
          >
            {t('batches.new')}
          </Button>
        }
      >
        <List
          size="small"
          dataSource={batches}
          // One picture with the words that say what to do, not the list's own "no data" too.
          locale={{ emptyText: <Empty description={t('batches.none')} /> }}
          renderItem={({ batch, records }) => (
            <List.Item
              className={batch.id === chosen?.batch.id ? 'record-item record-item-current' : 'record-item'}
              onClick={() => setChosenId(batch.id)}
              data-testid="batch-item"
            >
              <List.Item.Meta
                title={batch.name}
                description={
                  <Space size={4} wrap>
                    <BatchStatusTag status={batch.status} />
                    <Typography.Text type="secondary">
                      {t('batches.recordCount', {
                        count: records.filter((each) => each.status !== 'superseded').length,
                      })}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {chosen ? (
        <Card
          size="small"
          title={<Typography.Text strong>{chosen.batch.name}</Typography.Text>}
          extra={<BatchStatusTag status={chosen.batch.status} />}
          data-testid="batch-detail"
        >
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('scan.department')}>
              {chosen.batch.departmentCode ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('indexing.fields.procedureCode')}>
              {chosen.batch.procedureCode ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('batches.createdAt')}>
              {formatDateTime(chosen.batch.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('batches.submittedAt')}>
              {chosen.batch.submittedAt ? formatDateTime(chosen.batch.submittedAt) : '—'}
            </Descriptions.Item>
          </Descriptions>
          {canSubmitBatch(chosen.records.map((record) => record.status)) ? (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={() => void submit(chosen.batch)}
              style={{ marginBottom: 12 }}
              data-testid="batch-submit"
            >
              {t('batches.submit', {
                count: chosen.records.filter((record) => record.status === 'finalized').length,
              })}
            </Button>
          ) : chosen.batch.status === 'open' ? (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('batches.notReadyHint')} />
          ) : null}
          <Table<RecordRow>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={chosen.records}
            data-testid="batch-records"
            locale={{ emptyText: t('batches.empty') }}
            columns={[
              {
                title: t('lookup.code'),
                dataIndex: 'code',
                render: (code?: string) => (code ? <Typography.Text code>{code}</Typography.Text> : '—'),
              },
              {
                title: t('indexing.fields.ownerName'),
                render: (_, record) => ownerOfRecord(record) ?? record.captureLabel ?? t('indexing.untitled'),
              },
              {
                title: t('lookup.status'),
                render: (_, record) => (
                  <Space direction="vertical" size={2}>
                    <RecordStatusTag status={record.status} />
                    <RejectionNote record={record} />
                  </Space>
                ),
              },
              {
                title: t('common.actions'),
                render: (_, record) =>
                  record.status === 'rejected' ? (
                    <Space wrap>
                      {canCorrect(record) ? (
                        <Button
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => void correct(record)}
                          data-testid="record-correct"
                        >
                          {t('finalize.correct')}
                        </Button>
                      ) : null}
                      <Button
                        size="small"
                        icon={<RedoOutlined />}
                        onClick={() => void submit(chosen.batch, [record.id])}
                        data-testid="record-resubmit"
                      >
                        {t('batches.resubmit')}
                      </Button>
                    </Space>
                  ) : ['captured', 'indexed', 'draft'].includes(record.status) ? (
                    <Button size="small" type="link" onClick={() => navigate(`/index?record=${record.id}`)}>
                      {t('batches.toIndexing')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
