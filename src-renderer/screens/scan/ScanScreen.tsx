import {
  FileAddOutlined,
  PlusOutlined,
  PrinterOutlined,
  ScanOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Statistic, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureRunKind } from '../../../src-shared/capture/capture-run';
import { runPolicyOf } from '../../../src-shared/capture/capture-profile';
import { AppError } from '../../../src-shared/errors/app-error';
import type { ResponseOf } from '../../../src-shared/ipc/contract';
import {
  beginScan,
  bindingForRun,
  bindNewRun,
  drainRun,
  readCurrentRecordId,
  setCurrentRecordId,
  startNewRecord,
  type RunBinding,
  type RunEnd,
} from '../../capture/capture-runs';
import { uploadForImport } from '../../capture/import-upload';
import { useScanProgress } from '../../capture/use-scan-progress';
import {
  deleteEmptyRecord,
  deletePage,
  mergeRecords,
  movePage,
  rotatePage,
  splitBefore,
} from '../../capture/page-edits';
import { db } from '../../db/database';
import { PrintSheetsModal } from './PrintSheetsModal';
import { useSession } from '../../session/session-context';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';
import { PageGrid } from './PageGrid';
import { ProfilePicker } from './ProfilePicker';
import type { PageActions } from './PageThumbnail';
import { RecordList } from './RecordList';
import { ScanSettingsForm } from './ScanSettingsForm';
import { useCaptureProfiles } from './use-capture-profiles';
import { useScanDevices } from './use-scan-devices';

const IMPORT_ACCEPT = '.jpg,.jpeg,.png,.tif,.tiff,.pdf,image/jpeg,image/png,image/tiff,application/pdf';

/**
 * Capture: scan or import pages into the selected record, see them as they are stored
 * (each page is in IndexedDB before its thumbnail shows), and put them in order: turn,
 * remove, move, split a record in two, merge records.
 */
export function ScanScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { session } = useSession();
  const { settings } = useStationSettings();
  const userId = session?.userId ?? '';
  const [problem, setProblem] = useState<string | null>(null);
  const report = useCallback((error: unknown) => setProblem(errorText(error)), [errorText]);
  const { message } = App.useApp();
  const [sheetsOpen, setSheetsOpen] = useState(false);
  const scanner = useScanDevices(report);
  const profiles = useCaptureProfiles(report);
  const profile = profiles.selected;
  const keepSheets = settings?.capture.keepSheetPages ?? false;
  const { setChoice } = scanner;
  // A chosen profile sets the scanner; the clerk may still adjust before scanning.
  useEffect(() => {
    if (profile) {
      const { deviceId, source, dpi, mode } = profile;
      setChoice({ deviceId, source, dpi, mode });
    }
  }, [profile, setChoice]);
  const [recordId, setRecordId] = useState<string | null>(null);
  /** Runs this screen is draining, and the record each fills. */
  const [receiving, setReceiving] = useState(new Map<string, { recordId: string; kind: CaptureRunKind }>());
  const [importing, setImporting] = useState<string | null>(null);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const [hotFolder, setHotFolder] = useState<ResponseOf<'capture.hotFolderStatus'> | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  const stopRequested = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const scanRunId = [...receiving].find(([, run]) => run.kind === 'scan')?.[0] ?? null;
  const reading = useScanProgress(scanRunId);
  const pageCount =
    useLiveQuery(() => (recordId ? db.pages.where('recordId').equals(recordId).count() : 0), [recordId]) ?? 0;

  /** Drains a run into its record, showing it as receiving meanwhile. */
  const follow = useCallback(
    async (
      runId: string,
      binding: RunBinding,
      kind: CaptureRunKind,
      onItem?: () => void,
    ): Promise<RunEnd> => {
      const receive = (recordId: string) =>
        setReceiving((current) => new Map(current).set(runId, { recordId, kind }));
      receive(binding.recordId);
      try {
        return await drainRun(runId, binding, (recordId) => {
          // A separator sheet moved the run on to a new record: show that one.
          if (recordId !== binding.recordId && kind === 'scan') {
            binding = { ...binding, recordId };
            receive(recordId);
            setRecordId(recordId);
          }
          onItem?.();
        });
      } finally {
        setReceiving((current) => {
          const next = new Map(current);
          next.delete(runId);
          return next;
        });
      }
    },
    [],
  );

  const followScan = useCallback(
    async (runId: string, binding: RunBinding) => {
      const started = Date.now();
      let count = 0;
      setProblem(null);
      try {
        const end = await follow(runId, binding, 'scan', () => (count += 1));
        if (count > 0) setRate(Math.round((count / Math.max(1, Date.now() - started)) * 60_000));
        if (end.failure && !(stopRequested.current && end.failure.code === 'capture.cancelled')) {
          setProblem(errorText(AppError.fromData(end.failure)));
        }
      } catch (error) {
        report(error);
      } finally {
        stopRequested.current = false;
      }
    },
    [follow, errorText, report],
  );

  const followImport = useCallback(
    async (runId: string, binding: RunBinding, name: string) => {
      const end = await follow(runId, binding, 'import');
      if (end.failure) {
        const message = errorText(AppError.fromData(end.failure));
        setImportProblems((list) => [...list, t('scan.importFailed', { name, message })]);
      }
    },
    [follow, errorText, t],
  );

  // On arrival: the record in progress, and this user's runs to resume after a reload.
  useEffect(() => {
    void readCurrentRecordId().then(setRecordId);
    void station.capture.hotFolderStatus({}).then(setHotFolder, () => undefined);
    if (!userId) return;
    void station.capture.runs({}).then(async (runs) => {
      for (const run of runs) {
        if (run.kind === 'hotFolder') continue; // The shell's hot-folder runner takes those.
        const binding = await bindingForRun(run, userId);
        if (run.kind === 'scan') void followScan(run.runId, binding);
        else void followImport(run.runId, binding, run.label).catch(report);
      }
    }, report);
  }, [userId, followScan, followImport, report]);

  // Read when an action runs, not when it was queued.
  const recordRef = useRef(recordId);
  useEffect(() => {
    recordRef.current = recordId;
  }, [recordId]);
  // A record "Hồ sơ mới" is still creating: a file dropped right after the click goes into it,
  // not into the previous record (the ref above follows only after the next render).
  const creating = useRef<Promise<string> | null>(null);
  const currentOrNewRecord = async () => {
    if (creating.current) return await creating.current;
    recordRef.current ??= await startNewRecord(userId, runPolicyOf(profile, { keepSheets }).target);
    return recordRef.current;
  };

  const scan = async () => {
    const { deviceId, source, dpi, mode } = scanner.choice;
    if (!deviceId || !userId) return;
    try {
      const target = await currentOrNewRecord();
      setRecordId(target);
      const policy = runPolicyOf(profile, { keepSheets, duplex: source === 'duplex' });
      const started = await beginScan({ deviceId, source, dpi, mode }, { recordId: target, ...policy });
      await followScan(started.runId, started.binding);
    } catch (error) {
      report(error);
    }
  };

  const stop = () => {
    if (!scanRunId) return;
    stopRequested.current = true;
    void station.capture.cancel({ runId: scanRunId });
  };

  /** Imports queue up: files dropped while others import follow them, in order. */
  const importQueue = useRef(Promise.resolve());
  const importFiles = (files: File[]) => {
    if (!userId || files.length === 0) return;
    importQueue.current = importQueue.current.then(async () => {
      const target = await currentOrNewRecord();
      setRecordId(target);
      // One file after another, so pages land in the order the files were given.
      for (const file of files) {
        setImporting(file.name);
        try {
          const runId = await uploadForImport(file);
          // A stack scanned elsewhere is cut by the chosen profile too (its sides as the profile's source says).
          const binding = await bindNewRun(runId, {
            recordId: target,
            ...runPolicyOf(profile, { keepSheets }),
          });
          await followImport(runId, binding, file.name);
        } catch (error) {
          const message = errorText(error);
          setImportProblems((list) => [...list, t('scan.importFailed', { name: file.name, message })]);
        }
      }
      setImporting(null);
    });
  };

  const select = (id: string) => {
    recordRef.current = id;
    setRecordId(id);
    void setCurrentRecordId(id);
  };

  const newRecord = async () => {
    setProblem(null);
    setRate(null);
    if (userId) {
      const pending = startNewRecord(userId, runPolicyOf(profile, { keepSheets }).target);
      creating.current = pending;
      try {
        const created = await pending;
        recordRef.current = created;
        setRecordId(created);
      } catch (error) {
        report(error);
      } finally {
        if (creating.current === pending) creating.current = null;
      }
    }
  };

  const edit = (action: () => Promise<unknown>) => void action().catch(report);
  const actions: PageActions = {
    rotate: (page, quarterTurns) => edit(() => rotatePage(page.id, quarterTurns)),
    remove: (page) => edit(() => deletePage(page.id)),
    splitBefore: (page) =>
      edit(async () => {
        const created = await splitBefore(page.id, userId);
        if (created) select(created);
      }),
    dropOn: (target, draggedId) => edit(() => movePage(draggedId, target.index)),
  };
  const receivingRecords = new Set([...receiving.values()].map((run) => run.recordId));
  const busy = scanRunId !== null || importing !== null;

  return (
    <div className="capture-layout">
      <RecordList
        userId={userId}
        currentId={recordId}
        receivingIds={receivingRecords}
        onSelect={select}
        onMergeIntoPrevious={(record, previous) =>
          edit(async () => {
            await mergeRecords(previous.id, record.id);
            if (recordId === record.id) select(previous.id);
          })
        }
        onDeleteEmpty={(record) =>
          edit(async () => {
            await deleteEmptyRecord(record.id);
            if (recordId === record.id) setRecordId(null);
          })
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%', minWidth: 0 }}>
        <Card>
          <ProfilePicker profiles={profiles} choice={scanner.choice} disabled={busy} onError={report} />
          <ScanSettingsForm scanner={scanner} disabled={busy} />
          <Space style={{ marginTop: 16 }} wrap>
            {scanRunId ? (
              <Button danger icon={<StopOutlined />} onClick={stop} data-testid="scan-stop">
                {t('scan.stop')}
              </Button>
            ) : (
              // A disabled Scan says why: no scanner chosen yet, or files still importing.
              <Tooltip
                title={
                  importing !== null
                    ? t('scan.waitImport')
                    : !scanner.choice.deviceId
                      ? scanner.devices === null
                        ? t('scan.findingDevices')
                        : t('scan.chooseDevice')
                      : undefined
                }
              >
                <Button
                  type="primary"
                  icon={<ScanOutlined />}
                  disabled={!scanner.choice.deviceId || importing !== null}
                  onClick={() => void scan()}
                  data-testid="scan-start"
                >
                  {problem && pageCount > 0 ? t('scan.resume') : t('scan.scan')}
                </Button>
              </Tooltip>
            )}
            <Button
              icon={<FileAddOutlined />}
              disabled={busy}
              onClick={() => fileInput.current?.click()}
              data-testid="import-files"
            >
              {t('scan.importFiles')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              accept={IMPORT_ACCEPT}
              data-testid="import-input"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                setImportProblems([]);
                importFiles(files);
              }}
            />
            <Button icon={<PlusOutlined />} disabled={busy} onClick={() => void newRecord()}>
              {t('scan.newRecord')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => setSheetsOpen(true)} data-testid="sheets-open">
              {t('sheets.open')}
            </Button>
            <PrintSheetsModal
              open={sheetsOpen}
              onClose={() => setSheetsOpen(false)}
              onPrinted={(count) => {
                setSheetsOpen(false);
                void message.success(t('sheets.printed', { count }));
              }}
            />
            <Statistic
              value={t('scan.pages', { count: pageCount })}
              valueStyle={{ fontSize: 16 }}
              data-testid="scan-count"
            />
            {reading ? (
              <Space data-testid="scan-reading">
                <span>{t('scan.reading', { page: reading.page })}</span>
                <Progress percent={Math.floor(reading.percent)} size="small" style={{ width: 140 }} />
              </Space>
            ) : scanRunId ? (
              <span>{t('scan.scanning')}</span>
            ) : null}
            {importing ? (
              <span data-testid="import-progress">{t('scan.importing', { name: importing })}</span>
            ) : null}
            {rate ? <span data-testid="scan-rate">{t('scan.rate', { rate })}</span> : null}
          </Space>
          {problem ? (
            <Alert
              type="error"
              showIcon
              title={problem}
              style={{ marginTop: 16 }}
              data-testid="scan-problem"
            />
          ) : null}
          {importProblems.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="import-problems"
              title={
                <ul className="import-problems">
                  {importProblems.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {hotFolder?.error ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16 }}
              data-testid="hot-folder-problem"
              title={errorText(AppError.fromData(hotFolder.error))}
            />
          ) : hotFolder?.folder ? (
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }} data-testid="hot-folder">
              {t('scan.hotFolder', { folder: hotFolder.folder })}
            </Typography.Paragraph>
          ) : null}
        </Card>
        <Card>
          <PageGrid
            recordId={recordId}
            minDpi={settings?.capture.minDpi ?? 200}
            editable={recordId !== null && !receivingRecords.has(recordId)}
            actions={actions}
            onDropFiles={scanRunId ? null : importFiles}
          />
        </Card>
      </Space>
    </div>
  );
}
