import { Card, Input, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordFields } from '../../../src-shared/domain/record-fields';
import { displayDate } from '../../../src-shared/indexing/vietnamese-dates';
import type { RecordRow } from '../../db/rows';
import { searchRecords } from '../../search/search-records';
import { useErrorText } from '../../ui/use-error-text';

/** Local lookup: by code, owner ID or name, document number, procedure or text, as one types. */
export function LookupScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<RecordRow[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      searchRecords(query).then(
        (found) => current && (setResults(found), setProblem(null)),
        (error: unknown) => current && setProblem(errorText(error)),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, errorText]);

  return (
    <Card>
      <Input.Search
        autoFocus
        allowClear
        size="large"
        placeholder={t('lookup.placeholder')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="lookup-query"
        style={{ maxWidth: 640, marginBottom: 16 }}
      />
      {problem ? <Typography.Paragraph type="danger">{problem}</Typography.Paragraph> : null}
      <Table<RecordRow>
        rowKey="id"
        size="small"
        data-testid="lookup-results"
        dataSource={results ?? []}
        pagination={false}
        locale={{ emptyText: query.trim().length >= 2 ? t('lookup.none') : t('lookup.hint') }}
        columns={[
          {
            title: t('lookup.code'),
            dataIndex: 'code',
            render: (code?: string) => (code ? <Typography.Text copyable>{code}</Typography.Text> : '—'),
          },
          { title: t('indexing.fields.ownerName'), dataIndex: 'ownerName' },
          { title: t('indexing.fields.ownerIdNumber'), dataIndex: 'ownerIdNumber' },
          { title: t('indexing.fields.documentNumber'), dataIndex: 'documentNumber' },
          {
            title: t('indexing.fields.issueDate'),
            render: (_, record) => {
              const date = (record.fields as RecordFields).issueDate;
              return date ? displayDate(date) : '';
            },
          },
          { title: t('indexing.fields.procedureCode'), dataIndex: 'procedureCode' },
          {
            title: t('lookup.status'),
            dataIndex: 'status',
            render: (status: RecordRow['status']) => <Tag>{t(`status.${status}`)}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
