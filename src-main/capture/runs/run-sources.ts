import type { ScanOptions } from '../../../src-shared/capture/scan-options';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { openImport, type ImportItem } from '../import/import-items';
import type { ScanDriver } from '../scan-driver';
import { scanProcessed } from '../scan-processed';

/**
 * Where a capture run's items come from. `workDir` is the run's scratch folder (raw scanner
 * files, rendered PDF pages); it is removed when the run's source ends.
 */
export type RunSource = (workDir: string, signal: AbortSignal) => AsyncIterable<ImportItem>;

export const scanSource = (driver: ScanDriver, options: ScanOptions, settings: CaptureSettings): RunSource =>
  async function* (workDir, signal) {
    for await (const { sequence: _sequence, side, ...page } of scanProcessed(
      driver,
      options,
      workDir,
      settings,
      signal,
    )) {
      yield { kind: 'page', page, ...(side ? { side } : {}) };
    }
  };

export const importSource = (path: string, settings: CaptureSettings): RunSource =>
  async function* (workDir) {
    yield* (await openImport(path, settings)).items(workDir);
  };
