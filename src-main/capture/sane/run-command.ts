import { execFile } from 'node:child_process';
import { AppError } from '../../../src-shared/errors/app-error';

/**
 * SANE tools print English status text only in the C locale, and we parse that text. Read at
 * each start, so SANE's own variables (SANE_CONFIG_DIR) apply as they are then.
 */
export const saneEnv = () => ({ ...process.env, LC_ALL: 'C', LANG: 'C' });

/** Runs a short scanimage query (list, options) and returns stdout. */
export function runScanimage(
  command: string,
  args: string[],
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { env: saneEnv(), timeout: options.timeoutMs, signal: options.signal, maxBuffer: 4 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && 'code' in error && error.code === 'ENOENT') {
          reject(new AppError('capture.scannerMissing', { detail: `${command} not found` }));
          return;
        }
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ stdout, stderr, exitCode });
      },
    );
  });
}
