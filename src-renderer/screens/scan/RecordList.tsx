import { DeleteOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { Badge, Card, Empty, List, Popconfirm, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/database';
import type { RecordRow } from '../../db/rows';
import { formatTime } from '../../../src-shared/encoding/display-format';
import { ownerOfRecord } from '../../db/record-owner';
import { IconAction } from '../../ui/IconAction';

const LISTED_STATUSES = ['draft', 'captured'] as const;

/** The clerk's records still in capture, oldest first, each with its page count. */
function useCaptureRecords(userId: string) {
  return useLiveQuery(async () => {
    const records = (await db.records.where('status').anyOf(LISTED_STATUSES).toArray())
      .filter((record) => record.createdBy === userId)
      .sort((a, b) => a.createdAt - b.createdAt);
    const counts = new Map<string, number>();
    await db.pages
      .where('recordId')
      .anyOf(records.map((record) => record.id))
      .eachKey((key) => counts.set(String(key), (counts.get(String(key)) ?? 0) + 1));
    return records.map((record) => ({ record, pages: counts.get(record.id) ?? 0 }));
  }, [userId]);
}

/** Records in capture: pick the current one, merge one into the record above, drop an empty one. */
export function RecordList(props: {
  userId: string;
  currentId: string | null;
  receivingIds: ReadonlySet<string>;
  onSelect: (recordId: string) => void;
  onMergeIntoPrevious: (record: RecordRow, previous: RecordRow) => void;
  onDeleteEmpty: (record: RecordRow) => void;
}) {
  const { t } = useTranslation();
  const rows = useCaptureRecords(props.userId);
  return (
    <Card title={t('scan.records')} size="small" className="record-list">
      <List
        // One picture for an empty list, saying what it means (antd's own "Trống" would be a second).
        locale={{ emptyText: <Empty description={t('scan.noRecords')} /> }}
        size="small"
        loading={rows === undefined}
        dataSource={rows ?? []}
        data-testid="record-list"
        renderItem={({ record, pages }, position) => {
          const previous = position > 0 ? rows![position - 1]!.record : null;
          const receiving = props.receivingIds.has(record.id);
          const busy = receiving || (previous !== null && props.receivingIds.has(previous.id));
          return (
            <List.Item
              className={record.id === props.currentId ? 'record-item record-item-current' : 'record-item'}
              data-testid="record-item"
              data-record-id={record.id}
              data-pages={pages}
              onClick={() => props.onSelect(record.id)}
              actions={[
                previous && !busy ? (
                  <Popconfirm
                    key="merge"
                    title={t('scan.mergeConfirm')}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                    onConfirm={() => props.onMergeIntoPrevious(record, previous)}
                  >
                    <IconAction
                      title={t('scan.mergePrevious')}
                      icon={<MergeCellsOutlined />}
                      data-testid="record-merge"
                      onClick={(event) => event.stopPropagation()}
                    />
                  </Popconfirm>
                ) : null,
                pages === 0 && !receiving ? (
                  <IconAction
                    key="delete"
                    title={t('scan.deleteRecord')}
                    danger
                    icon={<DeleteOutlined />}
                    onClick={(event) => {
                      event.stopPropagation();
                      props.onDeleteEmpty(record);
                    }}
                  />
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Typography.Text ellipsis style={{ maxWidth: 180 }}>
                    {`${position + 1}. ${ownerOfRecord(record) ?? record.captureLabel ?? t('scan.recordAt', { time: formatTime(record.createdAt) })}`}
                  </Typography.Text>
                }
                description={
                  <span>
                    {t('scan.pages', { count: pages })}
                    {record.departmentCode ? ` · ${record.departmentCode}` : ''}
                    {record.procedureCode ? ` · ${record.procedureCode}` : ''}
                    {typeof record.fields.box === 'string'
                      ? ` · ${t('scan.box', { box: record.fields.box })}`
                      : ''}
                    {receiving ? (
                      <>
                        {' · '}
                        <Badge status="processing" text={t('scan.receiving')} />
                      </>
                    ) : null}
                  </span>
                }
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
