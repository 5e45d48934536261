import { rm } from 'node:fs/promises';
import type { ScanProgress } from '../../src-shared/capture/capture-run';
import type { ScanOptions } from '../../src-shared/capture/scan-options';
import type { CaptureSettings } from '../../src-shared/domain/settings';
import { processPage, type ProcessedPage } from '../imaging/process-page';
import type { ScanDriver } from './scan-driver';

export type ProcessedScanPage = ProcessedPage & { sequence: number; side?: 'front' | 'back' };

/**
 * A device scan with each page processed as soon as the device delivers it; the raw
 * scanner file in `workDir` is removed once processed. Failures surface as the driver's.
 */
export async function* scanProcessed(
  driver: ScanDriver,
  options: ScanOptions,
  workDir: string,
  settings: CaptureSettings,
  signal?: AbortSignal,
  onProgress?: (progress: ScanProgress) => void,
): AsyncGenerator<ProcessedScanPage> {
  for await (const scanned of driver.scan(options, workDir, signal, onProgress)) {
    const page = await processPage(scanned.path, { mode: options.mode, scannerDpi: options.dpi, settings });
    await rm(scanned.path, { force: true });
    yield { sequence: scanned.sequence, ...(scanned.side ? { side: scanned.side } : {}), ...page };
  }
}
