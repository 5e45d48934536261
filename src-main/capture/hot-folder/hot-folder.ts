import { watch, type FSWatcher } from 'chokidar';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { toAppError, type AppErrorData } from '../../../src-shared/errors/app-error';
import { sha256OfFile } from '../../platform/file-hash';
import type { Logger } from '../../platform/logger';
import { createSerialQueue } from '../../platform/serial-queue';
import { LEDGER_FILE, openLedger } from './hot-folder-ledger';

export const PROCESSED_DIR = 'processed';
export const FAILED_DIR = 'failed';

export interface HotFolderOptions {
  folder: string;
  /** A file is taken once its size has been stable this long. */
  stableMs: number;
  /**
   * Takes one complete file into the queue. It must have stored what it needs before it
   * resolves: the file is moved away right after.
   */
  take: (path: string) => Promise<void>;
  /** Words for the reason file a failed import leaves beside the file. */
  describe: (error: AppErrorData) => string;
  log: Logger;
  onSettled?: (event: { name: string; outcome: 'processed' | 'failed' | 'duplicate' }) => void;
}

/** `name.jpg` → `name.jpg`, or `name (2).jpg` when the target folder has one already. */
async function moveWithoutClobbering(from: string, toDir: string): Promise<string> {
  await mkdir(toDir, { recursive: true });
  const extension = extname(from);
  const stem = basename(from, extension);
  for (let attempt = 1; ; attempt += 1) {
    const target = join(toDir, attempt === 1 ? basename(from) : `${stem} (${attempt})${extension}`);
    try {
      await writeFile(target, '', { flag: 'wx' });
      await rename(from, target);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Watches a folder that a scan-to-folder scanner or a copier writes into. A file is taken
 * only once it is complete (its size stable for `stableMs`), one at a time, then moved to
 * `processed/`, or to `failed/` with a `<name>.reason.txt`. Files already taken (by content)
 * are moved without a second import, so restarts and crashes never import twice.
 */
export async function startHotFolder(options: HotFolderOptions): Promise<{ close: () => Promise<void> }> {
  const folder = resolve(options.folder);
  await mkdir(folder, { recursive: true });
  const ledger = await openLedger(folder);
  const serial = createSerialQueue();

  const handle = (path: string) =>
    serial(async () => {
      const name = basename(path);
      let sha256: string;
      try {
        sha256 = await sha256OfFile(path);
      } catch {
        return; // Gone before we got to it (moved or deleted by someone else).
      }
      if (ledger.has(sha256)) {
        await moveWithoutClobbering(path, join(folder, PROCESSED_DIR));
        options.log.info('hot folder: already taken, moved without importing again', { name });
        options.onSettled?.({ name, outcome: 'duplicate' });
        return;
      }
      try {
        await options.take(path);
      } catch (error) {
        const data = toAppError(error).toData();
        const moved = await moveWithoutClobbering(path, join(folder, FAILED_DIR));
        await writeFile(
          `${moved}.reason.txt`,
          `${options.describe(data)}\n[${data.code}]${data.detail ? `\n${data.detail}` : ''}\n`,
        );
        options.log.warn('hot folder: file failed', { name, code: data.code });
        options.onSettled?.({ name, outcome: 'failed' });
        return;
      }
      await ledger.record(sha256, name);
      await moveWithoutClobbering(path, join(folder, PROCESSED_DIR));
      options.onSettled?.({ name, outcome: 'processed' });
    });

  const watcher: FSWatcher = watch(folder, {
    depth: 0,
    ignoreInitial: false,
    awaitWriteFinish: {
      stabilityThreshold: options.stableMs,
      pollInterval: Math.min(100, options.stableMs / 4),
    },
    ignored: (path, stats) =>
      resolve(path) !== folder &&
      (dirname(resolve(path)) !== folder ||
        basename(path).startsWith('.') ||
        basename(path) === LEDGER_FILE ||
        (stats !== undefined && !stats.isFile())),
  });
  watcher.on('add', (path) => void handle(path));
  watcher.on('error', (error) => options.log.error('hot folder: watcher error', String(error)));
  await new Promise<void>((ready) => watcher.once('ready', () => ready()));
  return { close: () => watcher.close() };
}
