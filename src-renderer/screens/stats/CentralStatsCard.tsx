import { Alert, Card, Segmented, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../src-shared/ipc/contract';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';

type Dimension = 'department' | 'procedure' | 'month' | 'station';

/** SoHoa Central's figures across every station (from the records synced there), when it answers. */
export function CentralStatsCard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [by, setBy] = useState<Dimension>('station');
  const [stats, setStats] = useState<ResponseOf<'sync.stats'> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    station.sync.stats({ by }).then(
      (answer) => current && (setStats(answer), setProblem(null)),
      (error: unknown) => current && (setStats(null), setProblem(errorText(error))),
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
