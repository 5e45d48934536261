import { ArrowLeftOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { z } from 'zod';
import type { auditEntrySchema, stationAuditSchema } from '../../src-shared/central/central-api';
import { describeChange } from '../../src-shared/audit/describe-change';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { useConsoleApi } from '../api/admin-session';
import { useCentral } from '../api/use-central';
import { useProblemText } from '../api/use-problem-text';

type Entry = z.infer<typeof auditEntrySchema>;
type Verification = NonNullable<z.infer<typeof stationAuditSchema>['verification']>;

/**
 * A station's audit trail as Central holds it (who did what to which record, at the station),
 * newest first; the restores that set entries aside; the whole trail checked on request.
 */
export function StationAuditPage() {
  const { t, i18n } = useTranslation();
  const { stationId = '' } = useParams();
  const api = useConsoleApi();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const stations = useCentral((central) => central.call('listStations'), 'stations');
  const station = stations.data?.stations.find((each) => each.stationId === stationId);
  const first = useCentral(
    (central) => central.call('stationAudit', { params: { stationId }, query: {} }),
    stationId,
  );
  // Pages after the first, read for the first page shown (a reload starts again).
  const [later, setMore] = useState<{ after: unknown; entries: Entry[]; next: number | null } | null>(null);
  const more = later && later.after === first.data ? later : null;
  const [verification, setVerification] = useState<Verification | null>(null);
  const [busy, setBusy] = useState<'more' | 'verify' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const entries = [...(first.data?.entries ?? []), ...(more?.entries ?? [])];
  const next = more ? more.next : (first.data?.next ?? null);

  const run = async (what: 'more' | 'verify') => {
    setBusy(what);
    setProblem(null);
    try {
      if (what === 'verify') {
        const answer = await api.call('stationAudit', { params: { stationId }, query: { verify: '1' } });
        setVerification(answer.verification);
      } else if (next !== null) {
        const page = await api.call('stationAudit', {
          params: { stationId },
          query: { offset: String(next) },
        });
        setMore({ after: first.data, entries: [...(more?.entries ?? []), ...page.entries], next: page.next });
      }
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/stations')} />
          {t('console.audit.title', {
            station: station ? `${station.stationNumber} ${station.stationName}`.trim() : '',
          })}
        </Space>
      }
      extra={
        <Button
          icon={<SafetyOutlined />}
          loading={busy === 'verify'}
          onClick={() => void run('verify')}
          data-testid="verify-trail"
        >
          {t('console.audit.verify')}
        </Button>
      }
    >
      {first.error || problem ? (
        <Alert
          type="error"
          showIcon
          title={problem ?? problemText(first.error)}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {verification ? (
        verification.ok ? (
          <Alert
            type="success"
            showIcon
            title={t('audit.intact', { count: verification.entries })}
            style={{ marginBottom: 12 }}
            data-testid="trail-verdict"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="trail-verdict"
            title={t('audit.broken')}
            description={verification.problems
              .map((found) => t(`audit.problems.${found.problem}`, { seq: found.seq }))
              .join('; ')}
          />
        )
      ) : null}
      {first.data ? (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('console.audit.total')}>
            {first.data.total.toLocaleString('vi-VN')}
          </Descriptions.Item>
          <Descriptions.Item label={t('console.audit.forks')}>
            {first.data.forks.length === 0
              ? t('console.audit.noForks')
              : first.data.forks
                  .map((fork) =>
                    t('console.audit.fork', {
                      at: formatDateTime(Date.parse(fork.at)),
                      from: fork.fromSeq,
                      count: fork.setAside,
                    }),
                  )
                  .join('; ')}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Table<Entry>
        rowKey="seq"
        size="small"
        loading={first.loading}
        dataSource={entries}
        pagination={false}
        locale={{ emptyText: t('console.audit.none') }}
        data-testid="station-audit"
        columns={[
          { title: '#', dataIndex: 'seq', width: 70 },
          { title: t('audit.at'), dataIndex: 'at', width: 150, render: (at: number) => formatDateTime(at) },
          { title: t('audit.user'), key: 'user', render: (_, entry) => entry.userName ?? entry.userId },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (action: Entry['action']) => t(`audit.actions.${action}`),
          },
          { title: t('audit.record'), dataIndex: 'recordId', render: (id?: string) => id ?? '' },
          {
            title: t('audit.change'),
            key: 'change',
            render: (_, entry) =>
              describeChange(entry.before, entry.after, { t, exists: (key) => i18n.exists(key) }),
          },
        ]}
      />
      {next !== null ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={busy === 'more'} onClick={() => void run('more')}>
            {t('console.more')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}
