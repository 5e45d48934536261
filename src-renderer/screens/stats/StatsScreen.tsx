import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Progress,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayDate } from '../../../src-shared/indexing/vietnamese-dates';
import type { Bucket } from '../../../src-shared/stats/progress';
import { formatShare, sharePercent } from '../../../src-shared/stats/report';
import { trendSeries } from '../../../src-shared/stats/trend';
import { useProcedures } from '../../catalogue/use-procedures';
import { useSession } from '../../session/session-context';
import { useStationSettings } from '../../settings/station-settings-context';
import { useProgress } from '../../stats/use-progress';
import { station } from '../../station/station';
import { downloadBlob } from '../../../src-web/download';
import { formatBytes } from '../../../src-shared/encoding/display-format';
import { TrendChart } from '../../ui/TrendChart';
import { useErrorText } from '../../ui/use-error-text';
import { BoxesPanel } from './BoxesPanel';
import { CentralStatsCard } from './CentralStatsCard';
import { InventoryPanel } from './InventoryPanel';
import { ProgressTable } from '../../../src-web/ProgressTable';

/** How many periods the trend shows: a month of days, a quarter of weeks, a year of months. */
const TREND_LENGTH: Record<Bucket, number> = { day: 30, week: 13, month: 12 };

/**
 * Statistics: progress against the plan's targets (digitized ÷ inventory, per department,
 * procedure and overall), the inventory itself, records and pages per period and clerk, the
 * review rejection rate, the sync backlog, reuse, results expiring soon, SoHoa Central's
 * figures across stations; the report as XLSX or as a PDF in Vietnamese.
 */
export function StatsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { session } = useSession();
  const { settings } = useStationSettings();
  const { procedures } = useProcedures();
  const [bucket, setBucket] = useState<Bucket>('month');
  const report = useProgress(settings, procedures, bucket, session?.displayName ?? '');
  const mayCount = session?.roles.some((role) => role === 'admin' || role === 'supervisor') ?? false;
  if (!report) return null;

  const exportAs = async (format: 'xlsx' | 'pdf') => {
    try {
      const { data } = await station.reports.export({ format, report });
      const type =
        format === 'pdf'
          ? 'application/pdf'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      downloadBlob(new Blob([data], { type }), `bao-cao-tien-do-${report.today}.${format}`);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const target = report.target;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('stats.progress')}
        extra={
          <Space>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void exportAs('xlsx')}
              data-testid="export-xlsx"
            >
              {t('stats.exportXlsx')}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => void exportAs('pdf')} data-testid="export-pdf">
              {t('stats.exportPdf')}
            </Button>
          </Space>
        }
      >
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} md={8}>
            <Progress
              type="dashboard"
              percent={sharePercent(report.overall.share)}
              format={() => formatShare(report.overall.share)}
              data-testid="progress-overall"
            />
          </Col>
          <Col xs={24} md={16}>
            <Typography.Paragraph data-testid="progress-summary">
              {t('stats.summary', {
                digitized: report.overall.digitized,
                inventory: report.overall.inventory,
              })}
            </Typography.Paragraph>
            {target ? (
              <Space wrap>
                <Typography.Text>
                  {t('stats.target', {
                    share: Math.round(target.share * 100),
                    date: displayDate(target.date),
                  })}
                </Typography.Text>
                <Tag
                  color={target.met === null ? 'default' : target.met ? 'green' : 'red'}
                  data-testid="progress-target"
                >
                  {t(
                    target.met === null ? 'stats.met.unknown' : target.met ? 'stats.met.yes' : 'stats.met.no',
                  )}
                </Tag>
              </Space>
            ) : null}
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col span={8}>
                <Statistic title={t('stats.rejection')} value={formatShare(report.rejectionRate)} />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t('stats.backlog')}
                  value={report.syncBacklog.records}
                  suffix={report.syncBacklog.bytes ? `(${formatBytes(report.syncBacklog.bytes)})` : undefined}
                />
              </Col>
              <Col span={8}>
                <Statistic title={t('stats.reuse')} value={report.reuse} />
              </Col>
            </Row>
          </Col>
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ProgressTable
            title={t('stats.byDepartment')}
            column={t('scan.department')}
            lines={report.byDepartment}
            testId="progress-departments"
          />
        </Col>
        <Col xs={24} xl={12}>
          <ProgressTable
            title={t('stats.byProcedure')}
            column={t('indexing.fields.procedureCode')}
            lines={report.byProcedure}
            testId="progress-procedures"
          />
        </Col>
      </Row>
      <InventoryPanel procedures={procedures} editable={mayCount} />
      <BoxesPanel />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('stats.activity')}
            extra={
              <Segmented<Bucket>
                size="small"
                value={bucket}
                onChange={setBucket}
                options={(['day', 'week', 'month'] as const).map((value) => ({
                  value,
                  label: t(`stats.buckets.${value}`),
                }))}
              />
            }
          >
            <TrendChart
              points={trendSeries(
                report.activity,
                bucket,
                Date.parse(`${report.today}T12:00:00+07:00`),
                TREND_LENGTH[bucket],
              )}
              label={t('stats.trend', {
                count: TREND_LENGTH[bucket],
                unit: t(`stats.buckets.${bucket}`).toLowerCase(),
              })}
              describe={(point) => t('stats.trendPoint', { ...point })}
              testId="stats-trend"
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('stats.trendLegend')}
            </Typography.Paragraph>
            <Table
              rowKey={(row) => `${row.bucket}|${row.clerk}`}
              size="small"
              pagination={{ pageSize: 10, showSizeChanger: false }}
              dataSource={report.activity}
              locale={{ emptyText: t('stats.none') }}
              columns={[
                { title: t(`stats.buckets.${bucket}`), dataIndex: 'bucket' },
                { title: t('stats.clerk'), dataIndex: 'clerk' },
                { title: t('stats.records'), dataIndex: 'records', align: 'right' },
                { title: t('stats.pages'), dataIndex: 'pages', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('stats.expiring', { days: settings?.plan.expiringDays ?? 30 })}>
            <Table
              rowKey="code"
              size="small"
              pagination={{ pageSize: 10, showSizeChanger: false }}
              dataSource={report.expiringSoon}
              locale={{ emptyText: t('stats.noneExpiring', { days: settings?.plan.expiringDays ?? 30 }) }}
              columns={[
                { title: t('lookup.code'), dataIndex: 'code' },
                { title: t('indexing.fields.ownerName'), dataIndex: 'ownerName' },
                {
                  title: t('indexing.fields.expiryDate'),
                  dataIndex: 'expiryDate',
                  render: (date: string) => displayDate(date),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <CentralStatsCard />
    </Space>
  );
}
