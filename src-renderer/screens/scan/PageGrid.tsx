import { InboxOutlined } from '@ant-design/icons';
import { Empty, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/database';
import { pagesOfRecord } from '../../db/record-pages';
import type { PageRow } from '../../db/rows';
import { PageThumbnail, type PageActions } from './PageThumbnail';

/** The current record's pages in order; files dropped here are imported into it. */
export function PageGrid(props: {
  recordId: string | null;
  minDpi: number;
  editable: boolean;
  actions: PageActions;
  /** Null while a scan fills the record: files are not accepted then. */
  onDropFiles: ((files: File[]) => void) | null;
}) {
  const { t } = useTranslation();
  const [fileOver, setFileOver] = useState(false);
  const pages: PageRow[] =
    useLiveQuery(() => (props.recordId ? pagesOfRecord(props.recordId) : []), [props.recordId]) ?? [];
  const originals =
    useLiveQuery(
      () => (props.recordId ? db.originals.where('recordId').equals(props.recordId).toArray() : []),
      [props.recordId],
    ) ?? [];
  const isFileDrag = (types: readonly string[]) => types.includes('Files');

  return (
    <div
      className={`page-drop-zone${fileOver ? ' page-drop-zone-active' : ''}`}
      data-testid="page-drop-zone"
      onDragOver={(event) => {
        if (!props.onDropFiles || !isFileDrag(event.dataTransfer.types)) return;
        event.preventDefault();
        setFileOver(true);
      }}
      onDragLeave={() => setFileOver(false)}
      onDrop={(event) => {
        setFileOver(false);
        if (!props.onDropFiles || event.dataTransfer.files.length === 0) return;
        event.preventDefault();
        props.onDropFiles([...event.dataTransfer.files]);
      }}
    >
      {originals.map((original) => (
        <Typography.Paragraph key={original.id} type="secondary" data-testid="record-original">
          {t('scan.originalKept', { name: original.name })}
        </Typography.Paragraph>
      ))}
      {pages.length === 0 ? (
        <Empty image={<InboxOutlined style={{ fontSize: 48 }} />} description={t('scan.empty')} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('scan.dragHint')}</Typography.Text>
          <div className="page-grid" data-testid="page-grid">
            {pages.map((page) => (
              <PageThumbnail
                key={page.id}
                page={page}
                minDpi={props.minDpi}
                editable={props.editable}
                actions={props.actions}
              />
            ))}
          </div>
        </>
      )}
      {fileOver ? <div className="page-drop-hint">{t('scan.dropHint')}</div> : null}
    </div>
  );
}
