import { PlusOutlined, ReloadOutlined, ScanOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, InputNumber, Select, Space, Statistic } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ColorMode,
  DeviceCapabilities,
  DeviceInfo,
  ScanSource,
} from '../../../src-shared/capture/scan-options';
import { AppError } from '../../../src-shared/errors/app-error';
import {
  beginCapture,
  drainCapture,
  readActiveCapture,
  readCurrentRecordId,
  startNewRecord,
  type ActiveCapture,
} from '../../capture/capture-session';
import { db } from '../../db/database';
import { useSession } from '../../session/session-context';
import { useStationSettings } from '../../settings/station-settings-context';
import { station } from '../../station/station';
import { useErrorText } from '../../ui/use-error-text';
import { PageThumbnail } from './PageThumbnail';

interface ScanChoice {
  deviceId?: string;
  source: ScanSource;
  dpi: number;
  mode: ColorMode;
}

/** Scan pages into the current record; every page is in IndexedDB before its thumbnail shows. */
export function ScanScreen() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { session } = useSession();
  const { settings } = useStationSettings();
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [capabilities, setCapabilities] = useState<DeviceCapabilities | null>(null);
  const [choice, setChoice] = useState<ScanChoice>({ source: 'adf', dpi: 300, mode: 'color' });
  const [recordId, setRecordId] = useState<string | null>(null);
  /** The run being drained, if any; the page count shown comes from IndexedDB. */
  const [runningRunId, setRunningRunId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rate, setRate] = useState<number | null>(null);
  const stopRequested = useRef(false);

  const pages =
    useLiveQuery(
      () => (recordId ? db.pages.where('recordId').equals(recordId).sortBy('index') : []),
      [recordId],
    ) ?? [];

  const drain = useCallback(
    async (active: ActiveCapture) => {
      const started = Date.now();
      let count = 0;
      setProblem(null);
      setRunningRunId(active.runId);
      try {
        const end = await drainCapture(active, () => (count += 1));
        if (count > 0) setRate(Math.round((count / Math.max(1, Date.now() - started)) * 60_000));
        if (end.failure && !(stopRequested.current && end.failure.code === 'capture.cancelled')) {
          setProblem(errorText(AppError.fromData(end.failure)));
        }
      } catch (error) {
        setProblem(errorText(error));
      } finally {
        stopRequested.current = false;
        setRunningRunId(null);
      }
    },
    [errorText],
  );

  const loadDevices = useCallback(
    () =>
      station.capture.devices({}).then(
        (list) => {
          setDevices(list);
          setChoice((current) => ({ ...current, deviceId: current.deviceId ?? list[0]?.id }));
        },
        (error: unknown) => {
          setDevices([]);
          setProblem(errorText(error));
        },
      ),
    [errorText],
  );

  // On arrival: the devices, the record in progress, and a run to resume after a reload.
  useEffect(() => {
    void loadDevices();
    void readCurrentRecordId().then(setRecordId);
    void readActiveCapture().then((active) => {
      if (active) void drain(active);
    });
  }, [loadDevices, drain]);

  useEffect(() => {
    if (!choice.deviceId) return;
    station.capture.capabilities({ deviceId: choice.deviceId }).then(
      (found) => {
        setCapabilities(found);
        setChoice((current) => ({
          ...current,
          source: found.sources.includes(current.source) ? current.source : found.sources[0]!,
          mode: found.modes.includes(current.mode) ? current.mode : found.modes[0]!,
        }));
      },
      (error: unknown) => setProblem(errorText(error)),
    );
  }, [choice.deviceId, errorText]);

  const scan = async () => {
    if (!choice.deviceId || !session) return;
    try {
      const target = recordId ?? (await startNewRecord(session.userId));
      setRecordId(target);
      const { deviceId, source, dpi, mode } = choice;
      await drain(await beginCapture({ deviceId, source, dpi, mode }, target));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const stop = () => {
    if (!runningRunId) return;
    stopRequested.current = true;
    void station.capture.cancel({ runId: runningRunId });
  };

  const newRecord = async () => {
    if (session) setRecordId(await startNewRecord(session.userId));
    setProblem(null);
    setRate(null);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Form layout="inline" disabled={runningRunId !== null}>
          <Form.Item label={t('scan.device')}>
            <Select
              style={{ minWidth: 280 }}
              data-testid="scan-device"
              loading={devices === null}
              value={choice.deviceId}
              notFoundContent={t('scan.noDevices')}
              options={(devices ?? []).map((device) => ({
                value: device.id,
                label: `${device.vendor} ${device.model} (${device.id})`,
              }))}
              onChange={(deviceId) => setChoice({ ...choice, deviceId })}
            />
          </Form.Item>
          <Button icon={<ReloadOutlined />} onClick={() => void loadDevices()} title={t('scan.refresh')} />
          <Form.Item label={t('scan.source')}>
            <Select<ScanSource>
              style={{ minWidth: 180 }}
              data-testid="scan-source"
              value={choice.source}
              options={(capabilities?.sources ?? [choice.source]).map((value) => ({
                value,
                label: t(`scan.sources.${value}`),
              }))}
              onChange={(source) => setChoice({ ...choice, source })}
            />
          </Form.Item>
          <Form.Item label={t('scan.dpi')}>
            <InputNumber
              min={75}
              max={1200}
              step={50}
              data-testid="scan-dpi"
              value={choice.dpi}
              onChange={(dpi) => dpi && setChoice({ ...choice, dpi })}
            />
          </Form.Item>
          <Form.Item label={t('scan.mode')}>
            <Select<ColorMode>
              style={{ minWidth: 120 }}
              value={choice.mode}
              options={(capabilities?.modes ?? [choice.mode]).map((value) => ({
                value,
                label: t(`scan.modes.${value}`),
              }))}
              onChange={(mode) => setChoice({ ...choice, mode })}
            />
          </Form.Item>
        </Form>
        <Space style={{ marginTop: 16 }}>
          {runningRunId ? (
            <Button danger icon={<StopOutlined />} onClick={stop} data-testid="scan-stop">
              {t('scan.stop')}
            </Button>
          ) : (
            <Button
              type="primary"
              icon={<ScanOutlined />}
              disabled={!choice.deviceId}
              onClick={() => void scan()}
              data-testid="scan-start"
            >
              {problem && pages.length > 0 ? t('scan.resume') : t('scan.scan')}
            </Button>
          )}
          <Button icon={<PlusOutlined />} disabled={runningRunId !== null} onClick={() => void newRecord()}>
            {t('scan.newRecord')}
          </Button>
          <Statistic
            value={t('scan.pages', { count: pages.length })}
            valueStyle={{ fontSize: 16 }}
            data-testid="scan-count"
          />
          {runningRunId ? <span>{t('scan.scanning')}</span> : null}
          {rate ? <span data-testid="scan-rate">{t('scan.rate', { rate })}</span> : null}
        </Space>
        {problem ? (
          <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="scan-problem" />
        ) : null}
      </Card>
      <Card>
        {pages.length === 0 ? (
          <Empty description={t('scan.empty')} />
        ) : (
          <div className="page-grid" data-testid="page-grid">
            {pages.map((page) => (
              <PageThumbnail key={page.id} page={page} minDpi={settings?.capture.minDpi ?? 200} />
            ))}
          </div>
        )}
      </Card>
    </Space>
  );
}
