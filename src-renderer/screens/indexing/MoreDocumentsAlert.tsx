import { ScissorOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitBeforeEach } from '../../capture/page-edits';
import type { DocumentStart } from '../../indexing/record-suggestions';
import { useErrorText } from '../../ui/use-error-text';

/**
 * A record whose pages hold further documents: which pages open them, and one click to
 * make each a record of its own.
 */
export function MoreDocumentsAlert(props: { starts: readonly DocumentStart[]; userId: string }) {
  const { starts, userId } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [splitting, setSplitting] = useState(false);
  if (starts.length === 0) return null;

  const split = async () => {
    setSplitting(true);
    try {
      const created = await splitBeforeEach(
        starts.map((start) => start.pageId),
        userId,
      );
      void message.success(t('indexing.splitDone', { count: created.length + 1 }));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSplitting(false);
    }
  };
  const title = (start: DocumentStart) =>
    [
      start.resultType ? t(`indexing.resultTypes.${start.resultType}`) : null,
      start.documentNumber ? t('indexing.numbered', { number: start.documentNumber }) : null,
    ]
      .filter(Boolean)
      .join(' ') || t('indexing.untitledDocument');

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="more-documents"
      title={t('indexing.moreDocuments', {
        count: starts.length + 1,
        starts: starts
          .map((start) => t('indexing.documentStart', { number: start.pageIndex + 1, title: title(start) }))
          .join(', '),
      })}
      // Under the words, not beside them: the form card is narrow on a laptop.
      description={
        <Button
          size="small"
          icon={<ScissorOutlined />}
          loading={splitting}
          onClick={() => void split()}
          data-testid="split-documents"
        >
          {t('indexing.splitDocuments', { count: starts.length + 1 })}
        </Button>
      }
    />
  );
}
