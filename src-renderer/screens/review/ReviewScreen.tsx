import { CheckOutlined, CloseOutlined, StepForwardOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/database';
import type { RecordRow } from '../../db/rows';
import { decideRecords } from '../../review/decide-records';
import { useSession } from '../../session/session-context';
import { BatchStatusTag, RecordStatusTag } from '../../ui/StatusTags';
import { useErrorText } from '../../ui/use-error-text';
import { RejectModal, type RejectValues } from './RejectModal';
import { ReviewRecord } from './ReviewRecord';

/** Batches with records waiting for a decision, oldest submission first, with their records. */
const useReviewQueue = () =>
  useLiveQuery(async () => {
    const batches = (await db.batches.where('status').anyOf('submitted', 'inReview').toArray()).sort(
      (a, b) => (a.submittedAt ?? a.createdAt) - (b.submittedAt ?? b.createdAt),
    );
    const records = await db.records
      .where('batchId')
      .anyOf(batches.map((batch) => batch.id))
      .toArray();
    return batches.map((batch) => {
      const own = records.filter((record) => record.batchId === batch.id && record.status !== 'superseded');
      // Waiting ones first, in the order they were captured; decided ones after them.
      own.sort((a, b) =>
        a.status === b.status ? a.createdAt - b.createdAt : a.status === 'submitted' ? -1 : 1,
      );
      return { batch, records: own, waiting: own.filter((record) => record.status === 'submitted') };
    });
  }) ?? [];

/**
 * Review: the supervisor's queue of submitted batches; for each record its pages, fields,
 * OCR text, quality flags and signature; approve or reject it (Alt+A, Alt+R, Alt+N for the
 * next), or the whole batch at once. Main makes every decision (role, four-eyes rule).
 */
export function ReviewScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { session } = useSession();
  const queue = useReviewQueue();
  const [batchId, setBatchId] = useState<string | null>(null);
  const [recordId, setRecordId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<RecordRow[] | null>(null);
  const [busy, setBusy] = useState(false);

  const entry = queue.find((each) => each.batch.id === batchId) ?? queue[0];
  const record =
    entry?.records.find((each) => each.id === recordId) ?? entry?.waiting[0] ?? entry?.records[0];

  const next = useCallback(() => {
    if (!entry || !record) return;
    const waiting = entry.waiting.filter((each) => each.id !== record.id);
    const after = waiting.find((each) => each.createdAt > record.createdAt) ?? waiting[0];
    if (after) setRecordId(after.id);
  }, [entry, record]);

  const decide = useCallback(
    async (records: RecordRow[], decision: 'approve' | 'reject', reason?: RejectValues) => {
      if (!session || records.length === 0) return;
      setBusy(true);
      try {
        await decideRecords(
          records.map((each) => each.id),
          decision,
          { userId: session.userId, displayName: session.displayName },
          reason,
        );
        void message.success(
          t(decision === 'approve' ? 'review.approved' : 'review.rejected', { count: records.length }),
        );
        setRejecting(null);
        next();
      } catch (error) {
        void message.error(errorText(error));
      } finally {
        setBusy(false);
      }
    },
    [session, message, t, errorText, next],
  );

  const waitingRecord = record?.status === 'submitted' ? record : null;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || rejecting) return;
      const key = event.key.toLowerCase();
      if (key === 'a' && waitingRecord) void decide([waitingRecord], 'approve');
      else if (key === 'r' && waitingRecord) setRejecting([waitingRecord]);
      else if (key === 'n') next();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [waitingRecord, rejecting, decide, next]);

  if (queue.length === 0) {
    return (
      <Card data-testid="review-empty">
        <Empty description={t('review.nothing')} />
      </Card>
    );
  }

  return (
    <div className="list-detail-layout">
      <Space direction="vertical" className="record-list">
        <Card size="small" title={t('review.queue')}>
          <List
            size="small"
            dataSource={queue}
            renderItem={(item) => (
              <List.Item
                className={
                  item.batch.id === entry?.batch.id ? 'record-item record-item-current' : 'record-item'
                }
                onClick={() => {
                  setBatchId(item.batch.id);
                  setRecordId(null);
                }}
                data-testid="review-batch"
              >
                <List.Item.Meta
                  title={item.batch.name}
                  description={
                    <Space size={4} wrap>
                      <BatchStatusTag status={item.batch.status} />
                      <Typography.Text type="secondary">{item.batch.ownerName}</Typography.Text>
                      <Tag>{t('review.waiting', { count: item.waiting.length })}</Tag>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
        {entry ? (
          <Card
            size="small"
            title={t('review.records')}
            extra={
              <Space size={4}>
                <Button
                  size="small"
                  icon={<CheckOutlined />}
                  disabled={busy || entry.waiting.length === 0}
                  onClick={() => void decide(entry.waiting, 'approve')}
                  data-testid="review-approve-batch"
                >
                  {t('review.approveAll', { count: entry.waiting.length })}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<CloseOutlined />}
                  disabled={busy || entry.waiting.length === 0}
                  onClick={() => setRejecting(entry.waiting)}
                  aria-label={t('review.rejectAll')}
                />
              </Space>
            }
          >
            <List
              size="small"
              dataSource={entry.records}
              renderItem={(item) => (
                <List.Item
                  className={item.id === record?.id ? 'record-item record-item-current' : 'record-item'}
                  onClick={() => setRecordId(item.id)}
                  data-testid="review-record"
                >
                  <List.Item.Meta
                    title={item.ownerName ?? item.code}
                    description={
                      <Space size={4} wrap>
                        <Typography.Text code>{item.code}</Typography.Text>
                        <RecordStatusTag status={item.status} />
                      </Space>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        ) : null}
      </Space>
      {record ? (
        <ReviewRecord
          key={record.id}
          record={record}
          actions={
            <Space wrap>
              <Button
                type="primary"
                icon={<CheckOutlined />}
                disabled={!waitingRecord || busy}
                onClick={() => waitingRecord && void decide([waitingRecord], 'approve')}
                data-testid="review-approve"
              >
                {t('review.approve')}
              </Button>
              <Button
                danger
                icon={<CloseOutlined />}
                disabled={!waitingRecord || busy}
                onClick={() => waitingRecord && setRejecting([waitingRecord])}
                data-testid="review-reject"
              >
                {t('review.reject')}
              </Button>
              <Button icon={<StepForwardOutlined />} onClick={next} data-testid="review-next">
                {t('review.next')}
              </Button>
            </Space>
          }
        />
      ) : null}
      <RejectModal
        open={rejecting !== null}
        count={rejecting?.length ?? 0}
        onCancel={() => setRejecting(null)}
        onReject={(reason) => decide(rejecting ?? [], 'reject', reason)}
      />
    </div>
  );
}
