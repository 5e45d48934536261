import { AppError, type AppErrorData } from '../../../src-shared/errors/app-error';
import type { Logger } from '../../platform/logger';
import { createTranslator } from '../../platform/translator';
import type { CaptureRuns } from '../runs/capture-runs';
import { startHotFolder } from './hot-folder';

/**
 * The station's hot folder, as the settings say: each complete file becomes a capture run
 * that the renderer takes into a new record. Only the app watches (`start`), not the CLI;
 * after a settings change `apply` restarts the watcher if the folder or its timing changed.
 */
export function createHotFolderService(deps: {
  settings: () => { hotFolder: string; hotFolderStableMs: number };
  captureRuns: CaptureRuns;
  log: Logger;
}) {
  let running: { key: string; close: () => Promise<void> } | null = null;
  let error: AppErrorData | null = null;
  let started = false;
  let applying = Promise.resolve();

  async function restart(): Promise<void> {
    const { hotFolder, hotFolderStableMs } = deps.settings();
    const key = `${hotFolder}|${hotFolderStableMs}`;
    if (running?.key === key) return;
    await running?.close();
    running = null;
    error = null;
    if (!hotFolder) return;
    const t = await createTranslator();
    try {
      const watcher = await startHotFolder({
        folder: hotFolder,
        stableMs: hotFolderStableMs,
        log: deps.log,
        describe: (failure) => t(failure.messageKey, failure.params ?? {}),
        take: async (path) => {
          const name = path.split(/[\\/]/).pop() ?? path;
          await deps.captureRuns.takeFile(path, name);
        },
      });
      running = { key, close: watcher.close };
      deps.log.info('hot folder: watching', { folder: hotFolder });
    } catch (cause) {
      error = new AppError('capture.hotFolderUnavailable', {
        params: { folder: hotFolder },
        detail: String(cause),
      }).toData();
      deps.log.error('hot folder: cannot watch', { folder: hotFolder, error: String(cause) });
    }
  }

  return {
    start(): Promise<void> {
      started = true;
      return this.apply();
    },
    apply(): Promise<void> {
      if (!started) return applying;
      applying = applying
        .then(restart)
        .catch((cause: unknown) => deps.log.error('hot folder: restart failed', String(cause)));
      return applying;
    },
    status: () => ({ folder: deps.settings().hotFolder, watching: running !== null, error }),
    async close(): Promise<void> {
      await applying;
      await running?.close();
      running = null;
    },
  };
}

export type HotFolderService = ReturnType<typeof createHotFolderService>;
