import { DownloadOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOOKUP_KEYS, type CentralRecord } from '../../src-shared/central/central-api';
import { centralQueryOf } from '../../src-shared/central/central-query';
import { vietnamDay } from '../../src-shared/domain/vietnam-day';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { displayDate } from '../../src-shared/indexing/vietnamese-dates';
import { validityStatus } from '../../src-shared/stats/progress';
import { downloadBlob } from '../../src-web/download';
import { useAdminSession, useConsoleApi } from '../api/admin-session';
import { useProblemText } from '../api/use-problem-text';
import { AnnulDialog } from './AnnulDialog';

type LookupKey = (typeof LOOKUP_KEYS)[number];
type Query = Partial<Record<LookupKey, string>>;

const VALIDITY_COLOURS: Record<string, string> = {
  valid: 'green',
  expiringSoon: 'orange',
  expired: 'red',
  revoked: 'volcano',
  superseded: 'default',
};

/** A record's standing today: replaced, revoked, expired, or valid. */
const standing = (record: CentralRecord, today: string) =>
  validityStatus(
    {
      status: record.supersededBy ? 'superseded' : 'synced',
      fields: record.meta.fields,
      revocation: record.revocation ?? undefined,
    },
    today,
  );

/**
 * Records on Central looked up by owner ID, record code, document number or dossier code,
 * across every station (each read in the access log under the administrator's name); a
 * record's signed file saved, a revocation recorded in error annulled.
 */
export function LookupPage() {
  const { t } = useTranslation();
  const api = useConsoleApi();
  const { name } = useAdminSession();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [key, setKey] = useState<LookupKey | 'auto'>('auto');
  const [asked, setAsked] = useState<Query | null>(null);
  const [records, setRecords] = useState<CentralRecord[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [annulling, setAnnulling] = useState<string | null>(null);
  const today = vietnamDay();

  const load = async (query: Query, offset?: number) => {
    setBusy(true);
    setProblem(null);
    try {
      const page = await api.call('lookup', {
        query: { ...query, user: name, ...(offset ? { offset: String(offset) } : {}) },
      });
      setRecords((shown) => (offset ? [...shown, ...page.records] : page.records));
      setNext(page.next);
    } catch (error) {
      setProblem(problemText(error));
    } finally {
      setBusy(false);
    }
  };

  const search = (text: string) => {
    const trimmed = text.trim();
    if (!trimmed) return;
    const query = key === 'auto' ? centralQueryOf(trimmed) : { [key]: trimmed };
    if (!query) {
      setProblem(t('console.lookup.notAKey'));
      return;
    }
    setAsked(query);
    void load(query);
  };

  const save = async (record: CentralRecord) => {
    try {
      downloadBlob(await api.file(record.receipt.code, name), `${record.receipt.code}.pdf`);
    } catch (error) {
      void message.error(problemText(error));
    }
  };

  return (
    <Card title={t('console.lookup.title')}>
      <Space.Compact style={{ width: '100%', maxWidth: 720, marginBottom: 8 }}>
        <Select<LookupKey | 'auto'>
          value={key}
          onChange={setKey}
          style={{ width: 220 }}
          data-testid="lookup-key"
          options={[
            { value: 'auto', label: t('console.lookup.keys.auto') },
            ...LOOKUP_KEYS.map((value) => ({ value, label: t(`console.lookup.keys.${value}`) })),
          ]}
        />
        <Input.Search
          allowClear
          enterButton={t('console.lookup.search')}
          onSearch={search}
          placeholder={t('console.lookup.placeholder')}
          data-testid="lookup-query"
        />
      </Space.Compact>
      <Typography.Paragraph type="secondary">{t('console.lookup.logged')}</Typography.Paragraph>
      {problem ? <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
      <Table<CentralRecord>
        rowKey={(record) => record.receipt.code}
        size="small"
        loading={busy && records.length === 0}
        dataSource={asked ? records : []}
        pagination={false}
        locale={{ emptyText: asked ? t('console.lookup.none') : t('console.lookup.ask') }}
        data-testid="lookup-results"
        columns={[
          { title: t('console.lookup.code'), key: 'code', render: (_, record) => record.receipt.code },
          {
            title: t('console.lookup.owner'),
            key: 'owner',
            render: (_, record) => (
              <span>
                {record.meta.fields.ownerName ?? '—'}
                <br />
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {record.meta.fields.ownerIdNumber ?? ''}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('console.lookup.document'),
            key: 'document',
            render: (_, record) =>
              [
                record.meta.fields.documentNumber,
                record.meta.fields.issueDate ? displayDate(record.meta.fields.issueDate) : undefined,
              ]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          {
            title: t('console.lookup.procedure'),
            key: 'procedure',
            render: (_, record) => record.meta.fields.procedureCode || '—',
          },
          {
            title: t('console.lookup.station'),
            dataIndex: 'stationNumber',
            width: 70,
          },
          {
            title: t('console.lookup.storedAt'),
            key: 'storedAt',
            render: (_, record) => formatDateTime(Date.parse(record.receipt.storedAt)),
          },
          {
            title: t('lookup.status'),
            key: 'status',
            render: (_, record) => {
              const validity = standing(record, today);
              const tag = <Tag color={VALIDITY_COLOURS[validity]}>{t(`lookup.validity.${validity}`)}</Tag>;
              const { revocation } = record;
              return revocation ? (
                <Tooltip
                  title={t('lookup.revoke.details', {
                    date: displayDate(revocation.date),
                    documentNumber: revocation.documentNumber,
                    reason: revocation.reason,
                  })}
                >
                  {tag}
                </Tooltip>
              ) : record.supersededBy ? (
                <Tooltip title={record.supersededBy}>{tag}</Tooltip>
              ) : (
                tag
              );
            },
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, record) => (
              <Space size={4} wrap>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void save(record)}
                  data-testid={`file-${record.receipt.code}`}
                >
                  {t('console.lookup.file')}
                </Button>
                {record.revocation ? (
                  <Button
                    size="small"
                    danger
                    icon={<UndoOutlined />}
                    onClick={() => setAnnulling(record.receipt.code)}
                    data-testid={`annul-${record.receipt.code}`}
                  >
                    {t('console.lookup.annulShort')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {asked && next !== null ? (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={busy} onClick={() => void load(asked, next)}>
            {t('console.more')}
          </Button>
        </div>
      ) : null}
      <AnnulDialog
        code={annulling}
        onClose={(annulled) => {
          setAnnulling(null);
          if (annulled && asked) void load(asked);
        }}
      />
    </Card>
  );
}
