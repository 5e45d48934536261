import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BatchStatus } from '../../src-shared/domain/batch';
import type { RecordStatus } from '../../src-shared/domain/record-status';

const RECORD_COLOURS: Partial<Record<RecordStatus, string>> = {
  finalized: 'green',
  submitted: 'blue',
  approved: 'cyan',
  rejected: 'red',
  queued: 'geekblue',
  synced: 'purple',
};

const BATCH_COLOURS: Partial<Record<BatchStatus, string>> = {
  submitted: 'blue',
  inReview: 'processing',
  approved: 'cyan',
  partlyRejected: 'red',
  queued: 'geekblue',
  synced: 'purple',
};

export function RecordStatusTag({ status }: { status: RecordStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={RECORD_COLOURS[status]} data-testid="record-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function BatchStatusTag({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={BATCH_COLOURS[status]} data-testid="batch-status">
      {t(`batchStatus.${status}`)}
    </Tag>
  );
}
