import { Card, Descriptions, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-shared/ipc/contract';
import { readStorageStatus, type StorageStatus } from '../../db/storage-status';
import { station } from '../../station/station';
import { formatBytes } from '../../../src-shared/encoding/display-format';

/** How much of the browser's quota the local queue uses, and whether it is safe from eviction. */
export function StoragePanel() {
  const { t } = useTranslation();
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [info, setInfo] = useState<ResponseOf<'app.info'> | null>(null);

  useEffect(() => {
    void readStorageStatus().then(setStorage);
    void station.app.info({}).then(setInfo);
  }, []);

  const percent = storage && storage.quotaBytes > 0 ? (storage.usedBytes / storage.quotaBytes) * 100 : 0;
  return (
    <Card title={t('settings.storage')} data-testid="storage-panel">
      {storage ? (
        <>
          <Progress percent={Number(percent.toFixed(2))} status={percent > 90 ? 'exception' : 'normal'} />
          <Typography.Paragraph>
            {t('settings.storageUsed', {
              used: formatBytes(storage.usedBytes),
              quota: formatBytes(storage.quotaBytes),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph type={storage.persisted ? 'success' : 'warning'}>
            {storage.persisted ? t('settings.storagePersisted') : t('settings.storageNotPersisted')}
          </Typography.Paragraph>
        </>
      ) : null}
      {info ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item
            label={t('settings.version')}
          >{`${info.name} ${info.version} (${info.binding})`}</Descriptions.Item>
          <Descriptions.Item label={t('settings.dataDir')}>
            <Typography.Text copyable>{info.dataDir}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  );
}
