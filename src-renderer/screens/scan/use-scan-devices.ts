import { useCallback, useEffect, useState } from 'react';
import type {
  ColorMode,
  DeviceCapabilities,
  DeviceInfo,
  ScanSource,
} from '../../../src-shared/capture/scan-options';
import { station } from '../../station/station';

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
  const [choice, setChoice] = useState<ScanChoice>({ source: 'adf', dpi: 300, mode: 'color' });

  const reload = useCallback(
    () =>
      station.capture.devices({}).then(
        (list) => {
          setDevices(list);
          setChoice((current) => ({
            ...current,
            deviceId: list.some((device) => device.id === current.deviceId) ? current.deviceId : list[0]?.id,
          }));
        },
        (error: unknown) => {
          setDevices([]);
          onError(error);
        },
      ),
    [onError],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!choice.deviceId) return;
    station.capture.capabilities({ deviceId: choice.deviceId }).then((found) => {
      setCapabilities(found);
      setChoice((current) => ({
        ...current,
        source: found.sources.includes(current.source) ? current.source : found.sources[0]!,
        mode: found.modes.includes(current.mode) ? current.mode : found.modes[0]!,
      }));
    }, onError);
  }, [choice.deviceId, onError]);

  return { devices, capabilities, choice, setChoice, reload };
}
