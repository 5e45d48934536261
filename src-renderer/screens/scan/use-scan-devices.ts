import { useCallback, useEffect, useState } from 'react';
import type {
  ColorMode,
  DeviceCapabilities,
  DeviceInfo,
  ScanSource,
} from '../../../src-shared/capture/scan-options';
import { db } from '../../db/database';
import { station } from '../../station/station';

const CHOICE_KEY = 'capture.choice';

export interface ScanChoice {
  deviceId?: string;
  source: ScanSource;
  dpi: number;
  mode: ColorMode;
}

/** The scanners main can see, the chosen one's capabilities, and the clerk's choice kept within them. */
export function useScanDevices(onError: (error: unknown) => void) {
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [capabilities, setCapabilities] = useState<DeviceCapabilities | null>(null);
  const [choice, setChoiceState] = useState<ScanChoice>({ source: 'adf', dpi: 300, mode: 'color' });
  // The clerk's last choice, so the screen comes back as it was left.
  const [remembered] = useState(() =>
    db.meta.get(CHOICE_KEY).then(
      (row) => row?.value as ScanChoice | undefined,
      () => undefined,
    ),
  );
  const setChoice = useCallback((next: ScanChoice | ((current: ScanChoice) => ScanChoice)) => {
    setChoiceState((current) => {
      const value = typeof next === 'function' ? next(current) : next;
      void db.meta.put({ key: CHOICE_KEY, value });
      return value;
    });
  }, []);

  const reload = useCallback(
    () =>
      Promise.all([station.capture.devices({}), remembered]).then(
        ([list, saved]) => {
          setDevices(list);
          setChoiceState((current) => {
            const base = current.deviceId === undefined && saved ? { ...current, ...saved } : current;
            const known = list.some((device) => device.id === base.deviceId);
            return { ...base, deviceId: known ? base.deviceId : list[0]?.id };
          });
        },
        (error: unknown) => {
          setDevices([]);
          onError(error);
        },
      ),
    [onError, remembered],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!choice.deviceId) return;
    station.capture.capabilities({ deviceId: choice.deviceId }).then((found) => {
      setCapabilities(found);
      setChoiceState((current) => ({
        ...current,
        source: found.sources.includes(current.source) ? current.source : found.sources[0]!,
        mode: found.modes.includes(current.mode) ? current.mode : found.modes[0]!,
      }));
    }, onError);
  }, [choice.deviceId, onError]);

  return { devices, capabilities, choice, setChoice, reload };
}
