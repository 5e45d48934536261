import { Alert, Button, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  readPreparedList,
  type ListProblem,
  type PreparedFields,
} from '../../../src-shared/capture/prepared-record';
import { listProblemText } from '../../../src-shared/capture/list-problem-text';
import { readCsvTable } from '../../../src-shared/encoding/csv';
import { vietnamDay } from '../../../src-shared/domain/vietnam-day';
import { station } from '../../station/station';
import { downloadBlob } from '../../../src-web/download';
import { useErrorText } from '../../ui/use-error-text';

/**
 * Cover sheets for a list of dossiers (pasted from Excel, or a CSV/XLSX file) and generic
 * separator sheets, as one PDF to print: the clerk puts a cover on top of each dossier and
 * scans the whole stack; the station splits it and fills each record from its cover.
 */
export function PrintSheetsModal(props: {
  open: boolean;
  onClose: () => void;
  onPrinted: (count: number) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [separators, setSeparators] = useState(0);
  const [problems, setProblems] = useState<ListProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const readEntries = async (): Promise<{ entries: PreparedFields[]; problems: ListProblem[] }> => {
    if (file) return station.sheets.readList({ data: new Uint8Array(await file.arrayBuffer()) });
    if (pasted.trim() === '') return { entries: [], problems: [] };
    return readPreparedList(readCsvTable(pasted));
  };

  const print = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const list = await readEntries();
      setProblems(list.problems);
      if (list.problems.length > 0) return;
      if (list.entries.length + separators === 0) {
        setFailure(t('sheets.nothing'));
        return;
      }
      const { prepared, pdf } = await station.sheets.print({ entries: list.entries, separators });
      downloadBlob(new Blob([pdf], { type: 'application/pdf' }), `to-bia-${vietnamDay(Date.now())}.pdf`);
      props.onPrinted(prepared.length + separators);
      setPasted('');
      setFile(null);
      setSeparators(0);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={t('sheets.title')}
      okText={t('sheets.print')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={props.onClose}
      onOk={() => void print()}
      okButtonProps={{ 'data-testid': 'sheets-print' }}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('sheets.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('sheets.list')}>
          <Input.TextArea
            rows={6}
            value={pasted}
            disabled={file !== null}
            placeholder={
              'Họ và tên\tSố định danh\tSố văn bản\tMã thủ tục\tHộp\nTrần Văn Bình\t087095000123\t946/QĐ-SLĐTBXH\t1.001257\tH-0007'
            }
            onChange={(event) => setPasted(event.target.value)}
            data-testid="sheets-list"
            style={{ fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button onClick={() => fileInput.current?.click()} data-testid="sheets-choose-file">
            {t('sheets.chooseFile')}
          </Button>
          {file ? (
            <Typography.Text data-testid="sheets-file-name">
              {file.name}{' '}
              <Button type="link" size="small" onClick={() => setFile(null)}>
                {t('sheets.clearFile')}
              </Button>
            </Typography.Text>
          ) : null}
          <input
            ref={fileInput}
            type="file"
            style={{ display: 'none' }}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="sheets-file"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              event.target.value = '';
            }}
          />
        </Space>
        <Form.Item label={t('sheets.separators')}>
          <InputNumber
            min={0}
            max={500}
            value={separators}
            onChange={(value) => setSeparators(value ?? 0)}
            data-testid="sheets-separators"
          />
        </Form.Item>
      </Form>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="sheets-problems"
          message={t('sheets.problems', { count: problems.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.slice(0, 10).map((problem) => (
                <li key={problem.line}>{listProblemText(t, problem)}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {failure ? <Alert type="error" showIcon message={failure} data-testid="sheets-failure" /> : null}
    </Modal>
  );
}
