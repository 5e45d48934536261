import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyTransferReceipts } from '../../transfer/apply-receipts';
import { exportTransfer } from '../../transfer/export-transfer';
import { formatBytes } from '../../../src-shared/encoding/display-format';
import { useErrorText } from '../../ui/use-error-text';

/**
 * Sneakernet for an office with no link: approved records onto removable media as a signed
 * bundle for SoHoa Central's administrator, and Central's receipts read back from it.
 */
export function TransferCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [folder, setFolder] = useState('');
  const [receiptsPath, setReceiptsPath] = useState('');
  const [busy, setBusy] = useState<'export' | 'receipts' | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<{ type: 'success' | 'warning' | 'error'; text: string } | null>(null);

  const run = async (
    kind: 'export' | 'receipts',
    work: () => Promise<string>,
    type: 'success' | 'warning' = 'success',
  ) => {
    setBusy(kind);
    setResult(null);
    try {
      const text = await work();
      setResult({ type, text });
      void message.success(text);
    } catch (error) {
      setResult({ type: 'error', text: errorText(error) });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };
  const exportBundle = () =>
    run('export', async () => {
      const done = await exportTransfer(folder.trim(), (count, total) =>
        setProgress(t('transfer.progress', { done: count, total })),
      );
      return t('transfer.exported', {
        records: done.records,
        bytes: formatBytes(done.bytes),
        path: done.path,
      });
    });
  const readReceipts = () =>
    run('receipts', async () => {
      const read = await applyTransferReceipts(receiptsPath.trim());
      const lines = [t('transfer.marked', { marked: read.marked, already: read.already })];
      if (read.refused.length > 0) {
        lines.push(
          t('transfer.refused', {
            count: read.refused.length,
            codes: read.refused.map((each) => each.code).join(', '),
          }),
        );
      }
      if (read.invalid > 0) lines.push(t('transfer.invalid', { count: read.invalid }));
      return lines.join(' ');
    });

  return (
    <Card size="small" title={t('transfer.title')} data-testid="transfer-card">
      <Typography.Paragraph type="secondary">{t('transfer.intro')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input
          value={folder}
          onChange={(event) => setFolder(event.target.value)}
          placeholder={t('transfer.folder')}
          data-testid="transfer-folder"
        />
        <Button
          icon={<ExportOutlined />}
          onClick={() => void exportBundle()}
          loading={busy === 'export'}
          disabled={!folder.trim() || busy !== null}
          data-testid="transfer-export"
        >
          {t('transfer.export')}
        </Button>
      </Space.Compact>
      <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
        <Input
          value={receiptsPath}
          onChange={(event) => setReceiptsPath(event.target.value)}
          placeholder={t('transfer.receiptsPath')}
          data-testid="transfer-receipts-path"
        />
        <Button
          icon={<ImportOutlined />}
          onClick={() => void readReceipts()}
          loading={busy === 'receipts'}
          disabled={!receiptsPath.trim() || busy !== null}
          data-testid="transfer-receipts"
        >
          {t('transfer.readReceipts')}
        </Button>
      </Space.Compact>
      {progress ? <Typography.Text type="secondary">{progress}</Typography.Text> : null}
      {result ? (
        <Alert type={result.type} showIcon title={result.text} data-testid="transfer-result" />
      ) : null}
    </Card>
  );
}
