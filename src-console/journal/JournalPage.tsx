import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { journalEntrySchema } from '../../src-shared/central/central-api';
import { describeChange } from '../../src-shared/audit/describe-change';
import { formatDateTime } from '../../src-shared/encoding/display-format';
import { useCentral } from '../api/use-central';
import { useProblemText } from '../api/use-problem-text';

type Entry = z.infer<typeof journalEntrySchema>;

/** What Central and its administrator did that no station did: scopes changed, revocations annulled, clients made. */
export function JournalPage() {
  const { t, i18n } = useTranslation();
  const problemText = useProblemText();
  const journal = useCentral((api) => api.call('journal'), 'journal');
  const actionText = (action: string) => {
    const key = `console.journal.actions.${action.replace(/\.(\w)/g, (_m, letter: string) => letter.toUpperCase())}`;
    return i18n.exists(key) ? t(key) : action;
  };
  return (
    <Card
      title={t('console.journal.title')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={journal.reload}>
          {t('console.reload')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('console.journal.intro')}</Typography.Paragraph>
      {journal.error ? <Alert type="error" showIcon title={problemText(journal.error)} /> : null}
      <Table<Entry>
        rowKey={(entry, index) => `${entry.at}|${index}`}
        size="small"
        loading={journal.loading}
        dataSource={journal.data?.entries ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('console.journal.none') }}
        data-testid="journal"
        columns={[
          {
            title: t('console.at'),
            dataIndex: 'at',
            width: 150,
            render: (at: string) => formatDateTime(Date.parse(at)),
          },
          {
            title: t('console.journal.actor'),
            dataIndex: 'actor',
            render: (actor: string) => actorText(actor, t),
          },
          { title: t('audit.action'), dataIndex: 'action', render: actionText },
          { title: t('console.journal.subject'), dataIndex: 'subject' },
          {
            title: t('audit.change'),
            dataIndex: 'detail',
            render: (detail: unknown) =>
              describeChange(undefined, detail, { t, exists: (key) => i18n.exists(key) }),
          },
        ]}
      />
    </Card>
  );
}

/** `admin`, `central` or `station:<id>` as the administrator reads it. */
function actorText(actor: string, t: (key: string, options?: Record<string, unknown>) => string) {
  if (actor === 'admin') return t('console.journal.admin');
  const number = /^station (\d{3})/.exec(actor)?.[1];
  if (number) return t('console.journal.station', { station: number });
  if (actor.startsWith('station:')) return t('console.journal.station', { station: actor.slice(8, 16) });
  return actor;
}
