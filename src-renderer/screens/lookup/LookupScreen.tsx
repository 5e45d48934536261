import { DownloadOutlined, EyeOutlined, FileZipOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Input, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordFields } from '../../../src-shared/domain/record-fields';
import type { RecordedRevocation } from '../../../src-shared/domain/revocation';
import { isEditable } from '../../../src-shared/domain/record-status';
import { displayDate } from '../../../src-shared/indexing/vietnamese-dates';
import { isStillValid, validityStatus } from '../../../src-shared/stats/progress';
import { db } from '../../db/database';
import { lookupCentral, type CentralAnswer } from '../../lookup/central-lookup';
import { dossierZip, fileOf, recordReuse, type FoundResult } from '../../lookup/reuse';
import { searchRecords } from '../../search/search-records';
import { useSession } from '../../session/session-context';
import { useStationSettings } from '../../settings/station-settings-context';
import { downloadBlob } from '../../../src-web/download';
import { useErrorText } from '../../ui/use-error-text';
import { VerificationPanel } from '../finalize/VerificationPanel';
import { RevokeDialog } from './RevokeDialog';
import { vietnamDay } from '../../../src-shared/domain/vietnam-day';

interface Row extends Partial<FoundResult> {
  key: string;
  code: string;
  ownerName: string;
  ownerId: string;
  documentNumber: string;
  issueDate: string;
  procedureCode: string;
  /** valid, expiringSoon, expired, revoked, superseded; or the record's status while it is not signed yet. */
  validity: string;
  /** Its issuing agency revoked it (recorded here, or as SoHoa Central holds it, with who made it). */
  revocation?: (RecordedRevocation & { signer?: string; stationNumber?: string | null }) | undefined;
  source: 'local' | 'central';
  synced: boolean;
}

/**
 * A result is handed over for a new procedure (and counts as a reuse) only while it holds:
 * a revoked, expired or replaced one is seen and opened, never reused.
 */
const reusable = (row: Row) => isStillValid(row.validity);

const VALIDITY_COLOURS: Record<string, string> = {
  valid: 'green',
  expiringSoon: 'orange',
  expired: 'red',
  revoked: 'volcano',
  superseded: 'default',
};

/** This station's records and SoHoa Central's for the same query, once each (the station's copy first). */
async function findEverywhere(
  query: string,
  expiringDays: number,
  dossierCodePattern?: string,
): Promise<{ rows: Row[]; centralAnswer: CentralAnswer }> {
  const today = vietnamDay();
  const [local, centralAnswer] = await Promise.all([
    searchRecords(query),
    lookupCentral(query, dossierCodePattern),
  ]);
  const central = centralAnswer.records;
  const documents = await db.documents.bulkGet(local.map((record) => record.id));
  // Revocations recorded here, of the results found: this station's and those only Central holds.
  const codes = [
    ...local.flatMap((record) => (record.code ? [record.code] : [])),
    ...(central ?? []).map((found) => found.receipt.code),
  ];
  const revoked = new Map(
    (await db.revocations.bulkGet(codes)).flatMap((row) => (row ? [[row.code, row] as const] : [])),
  );
  const rows: Row[] = local.map((record, index) => {
    const fields = record.fields as RecordFields;
    const signed = documents[index];
    const revocation = record.code ? revoked.get(record.code) : undefined;
    return {
      key: record.id,
      recordId: record.id,
      code: record.code ?? '',
      ...(signed ? { sha256: signed.sha256 } : {}),
      ownerName: record.ownerName ?? record.captureLabel ?? '',
      ownerId: record.ownerIdNumber ?? '',
      documentNumber: record.documentNumber ?? '',
      issueDate: fields.issueDate ?? '',
      procedureCode: record.procedureCode ?? '',
      validity:
        signed && !isEditable(record.status)
          ? validityStatus({ ...record, revocation }, today, expiringDays)
          : `status.${record.status}`,
      revocation,
      source: 'local',
      synced: record.status === 'synced' || Boolean(record.sync),
    };
  });
  const known = new Set(rows.map((row) => row.code));
  for (const found of central ?? []) {
    if (known.has(found.receipt.code)) continue;
    const { fields } = found.meta;
    const revocation = found.revocation ?? revoked.get(found.receipt.code);
    rows.push({
      key: `central:${found.receipt.code}`,
      code: found.receipt.code,
      sha256: found.receipt.sha256,
      ownerName: fields.ownerName ?? '',
      ownerId: fields.ownerIdNumber ?? fields.ownerTaxCode ?? '',
      documentNumber: fields.documentNumber ?? '',
      issueDate: fields.issueDate ?? '',
      procedureCode: fields.procedureCode ?? '',
      validity: found.supersededBy
        ? 'superseded'
        : validityStatus({ status: 'synced', fields, revocation }, today, expiringDays),
      revocation: revocation ?? undefined,
      source: 'central',
      synced: true,
    });
  }
  return { rows, centralAnswer };
}

const asResult = (row: Row): FoundResult => ({
  code: row.code,
  sha256: row.sha256!,
  ownerName: row.ownerName,
  validity: row.validity,
  source: row.source,
  ...(row.recordId ? { recordId: row.recordId } : {}),
});

/**
 * Lookup, for any role: by code, owner ID number, owner name, document number or words of
 * the text, here and (when it answers) on SoHoa Central. Each result shows whether it still
 * holds; its signed file opens with a fresh check of its signature and can be handed over
 * for a new procedure (one PDF, or an owner's dossier as a ZIP), which counts as a reuse.
 */
export function LookupScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { settings } = useStationSettings();
  const { session } = useSession();
  const mayRevoke = session?.roles.includes('supervisor') ?? false;
  const [revoking, setRevoking] = useState<Row | null>(null);
  const [searched, setSearched] = useState(0);
  const expiringDays = settings?.plan.expiringDays ?? 30;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [centralNote, setCentralNote] = useState<string | null>(null);
  const [open, setOpen] = useState<{ row: Row; pdf: Blob | null } | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      findEverywhere(query, expiringDays, settings?.dossierCodePattern).then(
        ({ rows, centralAnswer }) => {
          if (!current) return;
          setResults(rows);
          setProblem(null);
          setCentralNote(
            centralAnswer.notice
              ? errorText(centralAnswer.notice)
              : centralAnswer.more
                ? t('lookup.centralMore')
                : null,
          );
        },
        (error: unknown) => current && setProblem(errorText(error)),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, errorText, expiringDays, searched, t, settings?.dossierCodePattern]);

  const withFile = results?.filter((row) => row.sha256) ?? [];
  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const view = (row: Row) =>
    act(async () => {
      setOpen({ row, pdf: null });
      setOpen({ row, pdf: await fileOf(asResult(row)) });
    });
  const reuseOne = (row: Row) =>
    act(async () => {
      downloadBlob(await fileOf(asResult(row)), `${row.code}.pdf`);
      await recordReuse([asResult(row)]);
      void message.success(t('lookup.reused', { count: 1 }));
    });
  const reuseDossier = () =>
    act(async () => {
      const chosen = withFile.filter(reusable).map(asResult);
      downloadBlob(await dossierZip(chosen), `ho-so-${query.trim().replace(/[^\w.-]+/g, '-')}.zip`);
      await recordReuse(chosen);
      void message.success(t('lookup.reused', { count: chosen.length }));
    });

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          autoFocus
          allowClear
          size="large"
          placeholder={t('lookup.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="lookup-query"
          style={{ width: 640, maxWidth: '100%' }}
        />
        <Button
          icon={<FileZipOutlined />}
          disabled={!withFile.some(reusable)}
          onClick={() => void reuseDossier()}
          data-testid="lookup-dossier"
        >
          {t('lookup.dossier', { count: withFile.filter(reusable).length })}
        </Button>
      </Space>
      {problem ? <Typography.Paragraph type="danger">{problem}</Typography.Paragraph> : null}
      {centralNote ? (
        <Alert
          type="warning"
          showIcon
          title={centralNote}
          style={{ marginBottom: 12 }}
          data-testid="lookup-central-note"
        />
      ) : null}
      <Table<Row>
        rowKey="key"
        size="small"
        data-testid="lookup-results"
        dataSource={results ?? []}
        pagination={false}
        locale={{ emptyText: query.trim().length >= 2 ? t('lookup.none') : t('lookup.hint') }}
        columns={[
          {
            title: t('lookup.code'),
            dataIndex: 'code',
            render: (code: string) => (code ? <Typography.Text copyable>{code}</Typography.Text> : '—'),
          },
          { title: t('indexing.fields.ownerName'), dataIndex: 'ownerName' },
          { title: t('lookup.ownerId'), dataIndex: 'ownerId' },
          { title: t('indexing.fields.documentNumber'), dataIndex: 'documentNumber' },
          {
            title: t('indexing.fields.issueDate'),
            dataIndex: 'issueDate',
            render: (date: string) => (date ? displayDate(date) : ''),
          },
          { title: t('indexing.fields.procedureCode'), dataIndex: 'procedureCode' },
          {
            title: t('lookup.status'),
            render: (_, row) => (
              <Space size={2} wrap>
                <Tooltip
                  title={
                    row.revocation
                      ? [
                          t('lookup.revoke.details', {
                            date: displayDate(row.revocation.date),
                            documentNumber: row.revocation.documentNumber,
                            reason: row.revocation.reason,
                          }),
                          row.revocation.signer
                            ? t('lookup.revoke.signedBy', {
                                signer: row.revocation.signer,
                                station: row.revocation.stationNumber ?? t('lookup.revoke.centralAdmin'),
                              })
                            : '',
                        ].join(' ')
                      : undefined
                  }
                >
                  <Tag color={VALIDITY_COLOURS[row.validity]} data-testid="lookup-validity">
                    {row.validity.startsWith('status.')
                      ? t(row.validity)
                      : t(`lookup.validity.${row.validity}`)}
                  </Tag>
                </Tooltip>
                <Tag color={row.source === 'central' ? 'purple' : row.synced ? 'geekblue' : 'default'}>
                  {t(
                    row.source === 'central'
                      ? 'lookup.onCentral'
                      : row.synced
                        ? 'lookup.localSynced'
                        : 'lookup.local',
                  )}
                </Tag>
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, row) =>
              row.sha256 ? (
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<EyeOutlined />}
                    onClick={() => void view(row)}
                    data-testid="lookup-open"
                  >
                    {t('lookup.open')}
                  </Button>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    disabled={!reusable(row)}
                    onClick={() => void reuseOne(row)}
                    data-testid="lookup-reuse"
                  >
                    {t('lookup.reuse')}
                  </Button>
                  {mayRevoke && !['revoked', 'superseded'].includes(row.validity) ? (
                    <Button
                      size="small"
                      danger
                      icon={<StopOutlined />}
                      onClick={() => setRevoking(row)}
                      data-testid="lookup-revoke"
                    >
                      {t('lookup.revoke.action')}
                    </Button>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      <RevokeDialog
        target={revoking}
        onClose={(revoked) => {
          setRevoking(null);
          if (revoked) setSearched((count) => count + 1);
        }}
      />
      <Drawer
        open={open !== null}
        width={560}
        title={open?.row.code}
        onClose={() => setOpen(null)}
        destroyOnHidden
        extra={
          open ? (
            <Button
              icon={<DownloadOutlined />}
              disabled={!reusable(open.row)}
              onClick={() => void reuseOne(open.row)}
            >
              {t('lookup.reuse')}
            </Button>
          ) : null
        }
      >
        {open?.pdf ? <VerificationPanel pdf={open.pdf} code={open.row.code} /> : <Spin />}
      </Drawer>
    </Card>
  );
}
