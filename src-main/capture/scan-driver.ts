import type { ScanProgress } from '../../src-shared/capture/capture-run';
import type { DeviceCapabilities, DeviceInfo, ScanOptions } from '../../src-shared/capture/scan-options';

/** One page as the device delivered it, before page processing. */
export interface ScannedPage {
  /** 1-based order within this scan run. */
  sequence: number;
  /** The image file (PNG), in the folder the caller gave to `scan`. */
  path: string;
  /** In duplex, which side of its sheet (a scan resumed on a sheet's back starts there). */
  side?: 'front' | 'back';
}

/**
 * One interface for every capture backend (SANE, the demo scanner, later eSCL or a hot
 * folder). `scan` yields each page as soon as the device has delivered it; a failure
 * (AppError with a `capture.*` code) is thrown only after every page received before it
 * was yielded, so nothing already scanned is lost. A device that says how far it has read a
 * page tells `onProgress`.
 */
export interface ScanDriver {
  readonly backend: DeviceInfo['backend'];
  listDevices(signal?: AbortSignal): Promise<DeviceInfo[]>;
  capabilities(deviceId: string, signal?: AbortSignal): Promise<DeviceCapabilities>;
  scan(
    options: ScanOptions,
    outputDir: string,
    signal?: AbortSignal,
    onProgress?: (progress: ScanProgress) => void,
  ): AsyncIterable<ScannedPage>;
}

/** `sane:test:0` → backend `sane`, device `test:0`. */
export function splitDeviceId(deviceId: string): { backend: string; device: string } {
  const colon = deviceId.indexOf(':');
  return colon < 0
    ? { backend: '', device: deviceId }
    : { backend: deviceId.slice(0, colon), device: deviceId.slice(colon + 1) };
}
