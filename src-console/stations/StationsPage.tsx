import { AuditOutlined, EditOutlined, PlusOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import type { stationSchema } from '../../src-shared/central/central-api';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { useConsoleApi } from '../api/admin-session';
import { useCentral } from '../api/use-central';
import { useProblemText } from '../api/use-problem-text';
import { CentralCertificateCard } from './CentralCertificateCard';
import { departmentOptions } from './department-options';
import { EnrolmentDialog } from './EnrolmentDialog';
import { StationScopeDialog } from './StationScopeDialog';

type Station = z.infer<typeof stationSchema>;

/**
 * The stations enrolled with Central: what each works for and may read, how many records it
 * sent; a one-time code for a new one; a station's scope changed, its trail read, or the
 * station refused from now on (a stolen PC).
 */
export function StationsPage() {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const navigate = useNavigate();
  const stations = useCentral((central) => central.call('listStations'), 'stations');
  const procedures = useCentral((central) => central.call('procedures'), 'procedures');
  const [enrolling, setEnrolling] = useState(false);
  const [scoping, setScoping] = useState<Station | null>(null);

  const options = useMemo(
    () =>
      departmentOptions(
        (procedures.data?.procedures ?? []).map((procedure) => procedure.departmentCode),
        (stations.data?.stations ?? []).flatMap((station) => station.departments),
      ),
    [procedures.data, stations.data],
  );

  const revoke = async (station: Station) => {
    try {
      await api.call('revokeStation', { params: { stationId: station.stationId } });
      void message.success(t('console.stations.revoked', { number: station.stationNumber }));
      stations.reload();
    } catch (error) {
      void message.error(problemText(error));
    }
  };

  return (
    <>
      <CentralCertificateCard />
      <Card
        title={t('console.stations.title')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={stations.reload}>
              {t('console.reload')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEnrolling(true)}
              data-testid="enrol"
            >
              {t('console.stations.enrol')}
            </Button>
          </Space>
        }
      >
        {stations.error ? <Alert type="error" showIcon title={problemText(stations.error)} /> : null}
        <Table<Station>
          rowKey="stationId"
          size="middle"
          loading={stations.loading}
          dataSource={stations.data?.stations ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="stations"
          locale={{ emptyText: t('console.stations.none') }}
          columns={[
            { title: t('console.stations.number'), dataIndex: 'stationNumber', width: 90 },
            { title: t('console.stations.name'), dataIndex: 'stationName' },
            {
              title: t('console.stations.departments'),
              dataIndex: 'departments',
              render: (codes: string[]) => codes.map((code) => <Tag key={code}>{code}</Tag>),
            },
            {
              title: t('console.stations.readScope'),
              dataIndex: 'readScope',
              render: (scope: Station['readScope']) => t(`console.stations.readScopes.${scope}`),
            },
            {
              title: t('console.stations.records'),
              dataIndex: 'records',
              align: 'right',
              render: (count: number) => count.toLocaleString('vi-VN'),
            },
            {
              title: t('console.stations.enrolledAt'),
              dataIndex: 'enrolledAt',
              render: (at: string) => formatDateTime(Date.parse(at)),
            },
            {
              title: t('console.stations.state'),
              key: 'state',
              render: (_, station) =>
                station.revokedAt ? (
                  <Tooltip title={formatDateTime(Date.parse(station.revokedAt))}>
                    <Tag color="red">{t('console.stations.stateRevoked')}</Tag>
                  </Tooltip>
                ) : (
                  <Tag color="green">{t('console.stations.stateActive')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, station) => (
                <Space size={4} wrap>
                  <Button
                    size="small"
                    icon={<AuditOutlined />}
                    onClick={() => void navigate(`/stations/${station.stationId}/audit`)}
                    data-testid={`audit-${station.stationNumber}`}
                  >
                    {t('console.stations.audit')}
                  </Button>
                  {station.revokedAt ? null : (
                    <>
                      <Button
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setScoping(station)}
                        data-testid={`scope-${station.stationNumber}`}
                      >
                        {t('console.stations.scope')}
                      </Button>
                      <Popconfirm
                        title={t('console.stations.revokeConfirm', { number: station.stationNumber })}
                        description={t('console.stations.revokeHint')}
                        okText={t('console.stations.revoke')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => revoke(station)}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<StopOutlined />}
                          data-testid={`revoke-${station.stationNumber}`}
                        >
                          {t('console.stations.revoke')}
                        </Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <EnrolmentDialog
        open={enrolling}
        departmentOptions={options}
        onClose={(made) => {
          setEnrolling(false);
          if (made) stations.reload();
        }}
      />
      <StationScopeDialog
        station={scoping}
        departmentOptions={options}
        onClose={(changed) => {
          setScoping(null);
          if (changed) stations.reload();
        }}
      />
    </>
  );
}
