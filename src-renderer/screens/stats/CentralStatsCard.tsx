import { Alert, Card, Col, Progress, Row, Segmented, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-shared/ipc/contract';
import { formatShare, sharePercent } from '../../../src-shared/stats/report';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';
import { ProgressTable } from '../../../src-web/ProgressTable';

type Dimension = 'department' | 'procedure' | 'month' | 'station';

/**
 * SoHoa Central's figures across every station, when it answers: progress against the plan
 * (the records synced there ÷ the inventories the stations sent), and records and pages by
 * station, department, procedure or month.
 */
export function CentralStatsCard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { settings } = useStationSettings();
  const departmentName = new Map(
    (settings?.departments ?? []).map((department) => [department.code, department.name]),
  );
  const [by, setBy] = useState<Dimension>('station');
  const [stats, setStats] = useState<ResponseOf<'sync.stats'> | null>(null);
  const [progress, setProgress] = useState<ResponseOf<'sync.progress'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([station.sync.stats({ by }), station.sync.progress({})]).then(
      ([answer, across]) => current && (setStats(answer), setProgress(across), setProblem(null)),
      (error: unknown) => current && (setStats(null), setProgress(null), setProblem(errorText(error))),
    );
    return () => {
      current = false;
    };
  }, [by, errorText]);
  return (
    <Card
      size="small"
      title={t('stats.central.title')}
      extra={
        <Segmented<Dimension>
          size="small"
          value={by}
          onChange={setBy}
          options={(['station', 'department', 'procedure', 'month'] as const).map((value) => ({
            value,
            label: t(`stats.central.by.${value}`),
          }))}
        />
      }
      data-testid="central-stats"
    >
      {problem ? <Alert type="info" showIcon title={problem} /> : null}
      {progress ? (
        <Row gutter={[24, 12]} style={{ marginBottom: 16 }} data-testid="central-progress">
          <Col xs={24} md={8}>
            <Typography.Text strong>{t('stats.central.progress')}</Typography.Text>
            <Progress
              percent={sharePercent(progress.overall.share)}
              format={() => formatShare(progress.overall.share)}
            />
            <Typography.Text type="secondary" data-testid="central-progress-summary">
              {t('stats.summary', {
                digitized: progress.overall.digitized,
                inventory: progress.overall.inventory,
              })}
            </Typography.Text>
          </Col>
          <Col xs={24} md={16}>
            <ProgressTable
              title={t('stats.byDepartment')}
              column={t('scan.department')}
              lines={progress.byDepartment.map((line) => ({
                ...line,
                name: departmentName.get(line.key) ?? '',
              }))}
              testId="central-progress-departments"
            />
          </Col>
        </Row>
      ) : null}
      {stats ? (
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={stats.rows}
          columns={[
            { title: t(`stats.central.by.${by}`), dataIndex: 'key' },
            { title: t('stats.records'), dataIndex: 'records', align: 'right' },
            { title: t('stats.pages'), dataIndex: 'pages', align: 'right' },
          ]}
        />
      ) : null}
    </Card>
  );
}
