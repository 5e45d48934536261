import { Card, Progress, Table } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { RecordFields } from '../../../src-shared/domain/record-fields';
import { vietnamDay } from '../../../src-shared/domain/vietnam-day';
import { boxProgress, type BoxLine } from '../../../src-shared/stats/boxes';
import { db } from '../../db/database';

/** Where the paper lies: each archive box, its records here and how many are digitized. */
export function BoxesPanel() {
  const { t } = useTranslation();
  const lines = useLiveQuery(async () => {
    const [records, revocations] = await Promise.all([db.records.toArray(), db.revocations.toArray()]);
    const revoked = new Map(revocations.map((revocation) => [revocation.code, revocation]));
    return boxProgress(
      records.map((record) => ({
        ...record,
        fields: record.fields as RecordFields,
        revocation: record.code ? revoked.get(record.code) : undefined,
      })),
      vietnamDay(),
    );
  }, []);
  return (
    <Card size="small" title={t('stats.boxes')} data-testid="stats-boxes">
      <Table<BoxLine>
        rowKey="box"
        size="small"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        dataSource={lines ?? []}
        locale={{ emptyText: t('stats.noBoxes') }}
        columns={[
          { title: t('indexing.fields.box'), dataIndex: 'box' },
          {
            title: t('indexing.fields.shelf'),
            dataIndex: 'shelves',
            render: (shelves: string[]) => shelves.join(', '),
          },
          { title: t('stats.records'), dataIndex: 'records', align: 'right' },
          { title: t('stats.boxInProgress'), dataIndex: 'inProgress', align: 'right' },
          { title: t('stats.boxDigitized'), dataIndex: 'digitized', align: 'right' },
          {
            title: t('stats.boxShare'),
            key: 'share',
            width: 160,
            render: (_: unknown, line: BoxLine) => (
              <Progress percent={Math.round((line.digitized / line.records) * 100)} size="small" />
            ),
          },
        ]}
      />
    </Card>
  );
}
