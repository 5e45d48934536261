import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanOptions } from '../../src-shared/capture/scan-options';
import type { CaptureSettings } from '../../src-shared/domain/settings';
import { toAppError, type AppErrorData } from '../../src-shared/errors/app-error';
import type { ProcessedPage } from '../imaging/process-page';
import type { ScanDriver } from './scan-driver';
import { scanProcessed } from './scan-processed';

export interface ManifestPage extends Omit<ProcessedPage, 'image' | 'thumbnail'> {
  file: string;
  sequence: number;
}

export interface ScanManifest {
  device: string;
  source: ScanOptions['source'];
  mode: ScanOptions['mode'];
  requestedDpi: number;
  startedAt: string;
  finishedAt: string | null;
  pages: ManifestPage[];
  failure: AppErrorData | null;
}

/** Written beside the pages, replaced atomically after every page. */
export const MANIFEST_FILE = 'manifest.json';

async function writeAtomically(path: string, content: string): Promise<void> {
  await writeFile(`${path}.tmp`, content);
  await rename(`${path}.tmp`, path);
}

/**
 * Scans into a folder: each page is processed and written as soon as the device delivers
 * it, and the manifest is rewritten after every page, so a crash or a jam mid-batch leaves
 * every page received on disk and listed. A device failure ends up in `manifest.failure`.
 */
export async function scanToFolder(input: {
  driver: ScanDriver;
  options: ScanOptions;
  outDir: string;
  settings: CaptureSettings;
  signal?: AbortSignal;
  onPage?: (page: ManifestPage) => void;
}): Promise<ScanManifest> {
  const { driver, options, outDir, settings } = input;
  await mkdir(outDir, { recursive: true });
  const incoming = await mkdtemp(join(outDir, '.incoming-'));
  const manifestPath = join(outDir, MANIFEST_FILE);
  const manifest: ScanManifest = {
    device: options.deviceId,
    source: options.source,
    mode: options.mode,
    requestedDpi: options.dpi,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    pages: [],
    failure: null,
  };
  const save = () => writeAtomically(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await save();
  try {
    for await (const processed of scanProcessed(driver, options, incoming, settings, input.signal)) {
      const { image, thumbnail: _thumbnail, ...facts } = processed;
      const file = `page-${String(facts.sequence).padStart(4, '0')}.${facts.mimeType === 'image/png' ? 'png' : 'jpg'}`;
      await writeFile(join(outDir, file), image);
      const page = { file, ...facts };
      manifest.pages.push(page);
      await save();
      input.onPage?.(page);
    }
  } catch (error) {
    manifest.failure = toAppError(error).toData();
  } finally {
    await rm(incoming, { recursive: true, force: true });
  }
  manifest.finishedAt = new Date().toISOString();
  await save();
  return manifest;
}
