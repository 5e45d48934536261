import type { ScanProgress } from '../../../src-shared/capture/capture-run';
import type { ScanOptions } from '../../../src-shared/capture/scan-options';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { openImport, type ImportItem } from '../import/import-items';
import type { ScanDriver } from '../scan-driver';
import { scanProcessed } from '../scan-processed';

/**
 * Where a capture run's items come from. `workDir` is the run's scratch folder (raw scanner
 * files, rendered PDF pages); it is removed when the run's source ends. A scanner tells
 * `onProgress` how far it has read the page it is on.
 */
export type RunSource = (
  workDir: string,
  signal: AbortSignal,
  onProgress: (progress: ScanProgress) => void,
) => AsyncIterable<ImportItem>;

export const scanSource = (driver: ScanDriver, options: ScanOptions, settings: CaptureSettings): RunSource =>
  async function* (workDir, signal, onProgress) {
    for await (const { sequence: _sequence, side, ...page } of scanProcessed(
      driver,
      options,
      workDir,
      settings,
      signal,
      onProgress,
    )) {
      yield { kind: 'page', page, ...(side ? { side } : {}) };
    }
  };

export const importSource = (path: string, settings: CaptureSettings): RunSource =>
  async function* (workDir) {
    yield* (await openImport(path, settings)).items(workDir);
  };
