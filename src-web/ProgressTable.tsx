import { Card, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatShare, sharePercent, type ProgressReportData } from '../src-shared/stats/report';

type Line = ProgressReportData['byDepartment'][number];

/** Progress lines (a department's or a procedure's): inventory, digitized, and the share as a bar. */
export function ProgressTable(props: { title: string; column: string; lines: Line[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={props.title}>
      <Table<Line>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={props.lines}
        data-testid={props.testId}
        locale={{ emptyText: t('stats.none') }}
        columns={[
          { title: props.column, render: (_, line) => `${line.key} ${line.name}`.trim() || '—' },
          { title: t('stats.inventory.count'), dataIndex: 'inventory', align: 'right' },
          { title: t('stats.digitized'), dataIndex: 'digitized', align: 'right' },
          {
            title: t('stats.share'),
            width: 220,
            render: (_, line) =>
              line.share === null ? (
                <Typography.Text type="secondary">{t('stats.noInventory')}</Typography.Text>
              ) : (
                <Progress
                  percent={sharePercent(line.share)}
                  size="small"
                  format={() => formatShare(line.share)}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}
