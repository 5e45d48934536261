import { Alert, Card, Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  verifyAuditChain,
  type AuditEntry,
  type AuditVerification,
} from '../../../src-shared/audit/audit-chain';
import { auditTrail } from '../../audit/audit-log';
import { describeChange } from '../../../src-shared/audit/describe-change';
import { db } from '../../db/database';
import { useSession } from '../../session/session-context';
import { station } from '../../station/station';
import { formatDateTime } from '../../../src-shared/encoding/display-format';

/** The record code an entry's own details name (a signing's, a sync's), if any. */
function codeNamedBy(entry: AuditEntry): string | undefined {
  for (const side of [entry.after, entry.before]) {
    const code = (side as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string' && code.includes('.')) return code;
  }
  return undefined;
}

/**
 * The audit trail, newest first, and its check: every entry's hash, its link to the one
 * before, no gap in the numbers, and the newest entry main witnessed still there.
 */
export function AuditScreen() {
  const { t, i18n } = useTranslation();
  const translate = useMemo(
    () => ({
      t: (key: string, options?: Record<string, unknown>) => t(key, options),
      exists: (key: string) => i18n.exists(key),
    }),
    [t, i18n],
  );
  const { session } = useSession();
  const stored = useLiveQuery(auditTrail);
  const [check, setCheck] = useState<AuditVerification | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const codes =
    useLiveQuery(async () => {
      const records = await db.records.toArray();
      return new Map(records.map((record) => [record.id, record.code ?? '']));
    }) ?? new Map<string, string>();

  const entries = useMemo(() => stored ?? [], [stored]);
  useEffect(() => {
    let current = true;
    station.audit.head({}).then(
      (head) => current && setCheck(verifyAuditChain(entries, head)),
      () => current && setCheck(verifyAuditChain(entries)),
    );
    return () => {
      current = false;
    };
  }, [entries]);
  useEffect(() => {
    // Only an administrator may list the station's users; others see user ids.
    if (!session?.roles.includes('admin')) return;
    void station.users
      .list({})
      .then((users) => setNames(new Map(users.map((user) => [user.id, user.displayName]))));
  }, [session]);

  return (
    <Card>
      {check ? (
        check.ok ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('audit.intact', { count: check.entries })}
            data-testid="audit-intact"
          />
        ) : (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('audit.broken')}
            description={check.problems
              .map((problem) => t(`audit.problems.${problem.problem}`, { seq: problem.seq }))
              .join(' · ')}
            data-testid="audit-broken"
          />
        )
      ) : null}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        data-testid="audit-table"
        dataSource={[...entries].reverse()}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 64 },
          { title: t('audit.at'), dataIndex: 'at', render: (at: number) => formatDateTime(at), width: 140 },
          {
            title: t('audit.user'),
            render: (_, entry) => entry.userName ?? names.get(entry.userId) ?? entry.userId,
          },
          { title: t('audit.station'), dataIndex: 'station', width: 72 },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (action: string) => t(`audit.actions.${action}`),
          },
          {
            title: t('audit.record'),
            dataIndex: 'recordId',
            // A code is one unbroken word; a record gone from this station keeps the code its
            // entry names, and one never coded shows the start of its id.
            width: 224,
            render: (id: string | undefined, entry) =>
              id ? (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {codes.get(id) || codeNamedBy(entry) || id.slice(0, 8)}
                </Typography.Text>
              ) : (
                ''
              ),
          },
          {
            title: t('audit.change'),
            render: (_, entry) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {describeChange(entry.before, entry.after, translate)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
