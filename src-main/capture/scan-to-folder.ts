import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScanOptions } from '../../src-shared/capture/scan-options';
import type { SheetMark } from '../../src-shared/capture/sheet-code';
import type { SeparationPolicy } from '../../src-shared/capture/stack-separation';
import type { CaptureSettings } from '../../src-shared/domain/settings';
import { toAppError, type AppErrorData } from '../../src-shared/errors/app-error';
import type { ProcessedPage } from '../imaging/process-page';
import type { ScanDriver } from './scan-driver';
import { scanProcessed } from './scan-processed';
import { createStackFolders, MANIFEST_FILE, writeAtomically } from './stack-folders';

export { MANIFEST_FILE } from './stack-folders';

export interface ManifestPage extends Omit<ProcessedPage, 'image' | 'thumbnail'> {
  /** The image's file, in its record's folder. */
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
  /** Every page kept, by its record's folder (`record-001/page-0001.jpg`). */
  pages: (ManifestPage & { record: string })[];
  /** Cover and separator sheets (and their backs) left out of the records. */
  sheets: { sequence: number; sheet: SheetMark | null }[];
  records: ReturnType<ReturnType<typeof createStackFolders>['summary']>;
  failure: AppErrorData | null;
}

/**
 * Scans into a folder, one sub-folder per record as the stack's sheets cut it: each page is
 * processed and written as soon as the device delivers it, and the manifests (the scan's, and
 * the record's) are rewritten after every page, so a crash or a jam mid-batch leaves every
 * page received on disk and listed. A device failure ends up in `manifest.failure`.
 */
export async function scanToFolder(input: {
  driver: ScanDriver;
  options: ScanOptions;
  outDir: string;
  settings: CaptureSettings;
  /** How the stack is cut; the sides follow the source (duplex or not). */
  policy?: Omit<SeparationPolicy, 'duplex'>;
  coverFields?: (reference: string) => Promise<Record<string, unknown> | null>;
  signal?: AbortSignal;
  onPage?: (page: ManifestPage & { record: string | null }) => void;
}): Promise<ScanManifest> {
  const { driver, options, outDir, settings } = input;
  await mkdir(outDir, { recursive: true });
  const incoming = await mkdtemp(join(outDir, '.incoming-'));
  const manifestPath = join(outDir, MANIFEST_FILE);
  const stack = createStackFolders<ManifestPage, never>({
    outDir,
    policy: { separateOnBlank: false, ...input.policy, duplex: options.source === 'duplex' },
    ...(input.coverFields ? { coverFields: input.coverFields } : {}),
  });
  const manifest: ScanManifest = {
    device: options.deviceId,
    source: options.source,
    mode: options.mode,
    requestedDpi: options.dpi,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    pages: [],
    sheets: [],
    records: [],
    failure: null,
  };
  const save = () => {
    manifest.records = stack.summary();
    return writeAtomically(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  };
  await save();
  try {
    for await (const processed of scanProcessed(driver, options, incoming, settings, input.signal)) {
      const { image, thumbnail: _thumbnail, side, ...facts } = processed;
      const file = `page-${String(facts.sequence).padStart(4, '0')}.${facts.mimeType === 'image/png' ? 'png' : 'jpg'}`;
      const page = { file, ...facts };
      const record = await stack.addPage({ ...facts, ...(side ? { side } : {}) }, async (dir) => {
        await writeFile(join(dir, file), image);
        return page;
      });
      if (record) manifest.pages.push({ ...page, file: `${record}/${file}`, record });
      else manifest.sheets.push({ sequence: facts.sequence, sheet: facts.sheet });
      await save();
      input.onPage?.({ ...page, record });
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
