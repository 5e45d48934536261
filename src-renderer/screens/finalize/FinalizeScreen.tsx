import { DownloadOutlined, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { AppError } from '../../../src-shared/errors/app-error';
import { db } from '../../db/database';
import type { RecordRow } from '../../db/rows';
import { canCorrect, createCorrection } from '../../finalize/correct-record';
import { queueForFinalize } from '../../finalize/finalize-record';
import { useSession } from '../../session/session-context';
import { useFinalizeState } from '../../finalize/finalize-state';
import { downloadBlob } from '../../../src-web/download';
import { formatBytes, formatDateTime } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';
import { SigningDeviceCard } from './SigningDeviceCard';
import { VerificationPanel } from './VerificationPanel';
import { ownerOfRecord } from '../../db/record-owner';

/** Indexed records (to sign) first, then the latest finalized ones and the versions they replaced. */
const useFinalizeList = () =>
  useLiveQuery(async () => {
    const indexed = await db.records.where('status').equals('indexed').sortBy('updatedAt');
    const finalized = (
      await db.records.where('status').anyOf('finalized', 'superseded').reverse().sortBy('updatedAt')
    ).slice(0, 50);
    return [...indexed, ...finalized];
  }) ?? [];

function RecordTag(props: { record: RecordRow; current: boolean }) {
  const { t } = useTranslation();
  const { record, current } = props;
  if (record.status === 'finalized') return <Tag color="green">{t('status.finalized')}</Tag>;
  if (record.status === 'superseded') return <Tag>{t('status.superseded')}</Tag>;
  if (current) return <Tag color="processing">{t('finalize.signing')}</Tag>;
  if (record.finalize?.state === 'queued') return <Tag color="blue">{t('finalize.queued')}</Tag>;
  if (record.finalize?.state === 'failed') return <Tag color="red">{t('finalize.failed')}</Tag>;
  return <Tag>{t('status.indexed')}</Tag>;
}

/** Finalize: sign indexed records into PDF/A files, and check the signed ones. */
export function FinalizeScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useFinalizeList();
  const runner = useFinalizeState();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const record = list.find((each) => each.id === chosenId) ?? list[0];
  const document = useLiveQuery(() => (record ? db.documents.get(record.id) : undefined), [record?.id]);
  const { session } = useSession();
  const navigate = useNavigate();
  // The versions either side of this one, by code.
  const versions = useLiveQuery(async () => {
    const [older, newer] = await Promise.all([
      record?.supersedes ? db.records.get(record.supersedes) : undefined,
      record?.supersededBy ? db.records.get(record.supersededBy) : undefined,
    ]);
    return { older: older?.code, newer: newer?.code };
  }, [record?.supersedes, record?.supersededBy]);
  const signable = list.filter((each) => each.status === 'indexed' && each.finalize?.state !== 'queued');

  const queue = async (ids: string[]) => {
    await queueForFinalize(ids);
    void message.info(t('finalize.queuedMessage', { count: ids.length }));
  };
  const correct = async () => {
    if (!record || !session) return;
    try {
      const id = await createCorrection(record.id, session.userId);
      navigate(`/index?record=${id}`);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const download = () => {
    if (document?.pdf && record?.code) downloadBlob(document.pdf, `${record.code}.pdf`);
  };

  return (
    <div className="list-detail-layout">
      <Space direction="vertical" className="record-list">
        <SigningDeviceCard waiting={runner.waiting} />
        <Card
          size="small"
          title={t('finalize.queue')}
          extra={
            <Button
              size="small"
              disabled={signable.length === 0}
              onClick={() => void queue(signable.map((each) => each.id))}
              data-testid="finalize-all"
            >
              {t('finalize.signAll', { count: signable.length })}
            </Button>
          }
        >
          <List
            size="small"
            locale={{ emptyText: <Empty description={t('finalize.nothing')} /> }}
            dataSource={list}
            renderItem={(item) => (
              <List.Item
                className={item.id === record?.id ? 'record-item record-item-current' : 'record-item'}
                onClick={() => setChosenId(item.id)}
                data-testid="finalize-item"
              >
                <List.Item.Meta
                  title={ownerOfRecord(item) ?? item.captureLabel ?? t('indexing.untitled')}
                  description={
                    <Space size={4} wrap>
                      <Typography.Text code>{item.code}</Typography.Text>
                      <RecordTag record={item} current={runner.current === item.id} />
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </Space>
      {record ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Card size="small" title={<Typography.Text strong>{record.code}</Typography.Text>}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('indexing.fields.ownerName')}>
                {record.ownerName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('indexing.fields.documentNumber')}>
                {record.documentNumber ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('finalize.state')}>
                <RecordTag record={record} current={runner.current === record.id} />
              </Descriptions.Item>
              {versions?.older ? (
                <Descriptions.Item label={t('finalize.supersedes')}>
                  <Typography.Text code data-testid="finalize-supersedes">
                    {versions.older}
                  </Typography.Text>
                </Descriptions.Item>
              ) : null}
              {versions?.newer ? (
                <Descriptions.Item label={t('finalize.supersededBy')}>
                  <Typography.Text code data-testid="finalize-superseded-by">
                    {versions.newer}
                  </Typography.Text>
                </Descriptions.Item>
              ) : null}
              {document ? (
                <>
                  <Descriptions.Item label={t('finalize.file')}>
                    {formatBytes(document.bytes)} · PAdES {document.level} ·{' '}
                    {formatDateTime(document.signedAt)}
                  </Descriptions.Item>
                  <Descriptions.Item label="SHA-256">
                    <Typography.Text code copyable style={{ fontSize: 11 }}>
                      {document.sha256}
                    </Typography.Text>
                  </Descriptions.Item>
                </>
              ) : null}
            </Descriptions>
            {record.finalize?.state === 'failed' && record.finalize.error ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={errorText(AppError.fromData(record.finalize.error))}
                data-testid="finalize-error"
              />
            ) : null}
            <Space>
              {record.status === 'indexed' && record.finalize?.state !== 'queued' ? (
                <Button
                  type="primary"
                  icon={<SafetyCertificateOutlined />}
                  onClick={() => void queue([record.id])}
                  data-testid="finalize-sign"
                >
                  {t('finalize.sign')}
                </Button>
              ) : null}
              {document?.pdf ? (
                <Button icon={<DownloadOutlined />} onClick={download}>
                  {t('finalize.download')}
                </Button>
              ) : document?.prunedAt ? (
                <Typography.Text type="secondary" data-testid="finalize-pruned">
                  {t('finalize.pruned', { date: formatDateTime(document.prunedAt) })}
                </Typography.Text>
              ) : null}
              {canCorrect(record) ? (
                <Tooltip title={t('finalize.correctHint')}>
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => void correct()}
                    data-testid="finalize-correct"
                  >
                    {t('finalize.correct')}
                  </Button>
                </Tooltip>
              ) : null}
            </Space>
          </Card>
          {document?.pdf && record.code ? <VerificationPanel pdf={document.pdf} code={record.code} /> : null}
        </Space>
      ) : null}
    </div>
  );
}
