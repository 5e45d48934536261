import { Alert, Card, Col, Progress, Row, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { STATS_DIMENSIONS } from '../../src-shared/central/central-api';
import { DEFAULT_DEPARTMENTS } from '../../src-shared/domain/settings';
import { displayDate } from '../../src-shared/indexing/vietnamese-dates';
import { formatShare, sharePercent } from '../../src-shared/stats/report';
import { ProgressTable } from '../../src-web/ProgressTable';
import { useCentral } from '../api/use-central';
import { useProblemText } from '../api/use-problem-text';

type Dimension = (typeof STATS_DIMENSIONS)[number];

/**
 * Progress against the plan across every station (still-valid records on Central ÷ the
 * latest inventory counts the stations sent), by department and procedure, and the records
 * and pages on Central by station, department, procedure or month.
 */
export function ProgressPage() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const [by, setBy] = useState<Dimension>('station');
  const progress = useCentral((api) => api.call('progress'), 'progress');
  const procedures = useCentral((api) => api.call('procedures'), 'procedures');
  const stats = useCentral((api) => api.call('stats', { query: { by } }), by);
  const departmentName = new Map(DEFAULT_DEPARTMENTS.map((department) => [department.code, department.name]));
  const procedureName = new Map(
    (procedures.data?.procedures ?? []).map((procedure) => [procedure.code, procedure.name]),
  );
  const report = progress.data;

  return (
    <>
      {progress.error ? <Alert type="error" showIcon title={problemText(progress.error)} /> : null}
      <Card
        title={t('stats.central.progress')}
        loading={progress.loading && !report}
        style={{ marginBottom: 16 }}
        data-testid="console-progress"
      >
        {report ? (
          <Row gutter={[24, 16]}>
            <Col xs={24} lg={8}>
              <Progress
                type="dashboard"
                percent={sharePercent(report.overall.share)}
                format={() => formatShare(report.overall.share)}
              />
              <Typography.Paragraph data-testid="progress-summary">
                {t('stats.summary', {
                  digitized: report.overall.digitized,
                  inventory: report.overall.inventory,
                })}
              </Typography.Paragraph>
              {report.target ? (
                <Typography.Paragraph>
                  {t('stats.target', {
                    share: Math.round(report.target.milestone.share * 100),
                    date: displayDate(report.target.milestone.date),
                  })}{' '}
                  <Tag
                    color={report.target.met === null ? 'default' : report.target.met ? 'green' : 'orange'}
                  >
                    {t(
                      `stats.met.${report.target.met === null ? 'unknown' : report.target.met ? 'yes' : 'no'}`,
                    )}
                  </Tag>
                </Typography.Paragraph>
              ) : null}
              <Typography.Text type="secondary">
                {t('console.progress.asOf', { date: displayDate(report.today) })}
              </Typography.Text>
            </Col>
            <Col xs={24} lg={16}>
              <ProgressTable
                title={t('stats.byDepartment')}
                column={t('console.stations.departments')}
                lines={report.byDepartment.map((line) => ({
                  ...line,
                  name: departmentName.get(line.key) ?? '',
                }))}
                testId="progress-departments"
              />
            </Col>
            <Col span={24}>
              <ProgressTable
                title={t('stats.byProcedure')}
                column={t('stats.central.by.procedure')}
                lines={report.byProcedure.map((line) => ({
                  ...line,
                  name: procedureName.get(line.key) ?? '',
                }))}
                testId="progress-procedures"
              />
            </Col>
          </Row>
        ) : null}
      </Card>
      <Card
        title={t('console.progress.onCentral')}
        extra={
          <Segmented<Dimension>
            value={by}
            onChange={setBy}
            options={(['station', 'department', 'procedure', 'month'] as const).map((value) => ({
              value,
              label: t(`stats.central.by.${value}`),
            }))}
            data-testid="stats-by"
          />
        }
      >
        {stats.error ? <Alert type="error" showIcon title={problemText(stats.error)} /> : null}
        <Table
          rowKey="key"
          size="small"
          loading={stats.loading}
          pagination={false}
          dataSource={stats.data?.rows ?? []}
          locale={{ emptyText: t('stats.none') }}
          data-testid="stats-rows"
          summary={(rows) =>
            rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('console.progress.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {rows.reduce((sum, row) => sum + row.records, 0).toLocaleString('vi-VN')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {rows.reduce((sum, row) => sum + row.pages, 0).toLocaleString('vi-VN')}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            {
              title: t(`stats.central.by.${by}`),
              dataIndex: 'key',
              render: (key: string) =>
                by === 'department'
                  ? `${key} ${departmentName.get(key) ?? ''}`.trim()
                  : by === 'procedure'
                    ? `${key} ${procedureName.get(key) ?? ''}`.trim()
                    : key,
            },
            {
              title: t('stats.records'),
              dataIndex: 'records',
              align: 'right',
              render: (count: number) => count.toLocaleString('vi-VN'),
            },
            {
              title: t('stats.pages'),
              dataIndex: 'pages',
              align: 'right',
              render: (count: number) => count.toLocaleString('vi-VN'),
            },
          ]}
        />
      </Card>
    </>
  );
}
