import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  nearestResolution,
  type DeviceCapabilities,
  type DeviceInfo,
  type ScanOptions,
} from '../../../src-shared/capture/scan-options';
import type { ScanProgress } from '../../../src-shared/capture/capture-run';
import { DEFAULT_SCANNER_STALL_SECONDS } from '../../../src-shared/domain/settings';
import { AppError } from '../../../src-shared/errors/app-error';
import { splitDeviceId, type ScanDriver, type ScannedPage } from '../scan-driver';
import { runScanimage, saneEnv } from './run-command';
import { capabilitiesOf, fullAreaArgs, parseSaneOptions, saneModeName, saneSourceName } from './sane-options';
import { saneProgressReader, withoutProgress } from './sane-progress';
import { failureOf } from './sane-status';

export interface SaneDriverOptions {
  /** The scanimage executable. */
  command?: string;
  /** Device discovery can take long on networks with many scanners. */
  listTimeoutMs?: number;
  /** Backend-specific options a profile adds for one device (e.g. a test picture). */
  extraArgs?: (device: string) => string[];
  /**
   * A scan that shows no progress, no page and no end for this long (ms, read at each scan) is
   * stopped. scanimage reports progress as it reads, so only a lamp's warm-up is silent.
   */
  stallTimeoutMs?: () => number;
}

const FIELD = '\t';
/** How long output may keep arriving after scanimage has exited. */
const OUTPUT_DRAIN_MS = 1000;
/** scanimage's last word on a batch; after it, only closing the device is left to do. */
const BATCH_OVER = /Batch terminated/;
/** How long scanimage may take to close the device once it has said the batch is over. */
const CLOSE_GRACE_MS = 3000;
/** How long scanimage may take to stop on SIGTERM (it cancels the scan) before it is killed. */
const KILL_GRACE_MS = 2000;

/**
 * SANE through `scanimage`: discovery with `-f`, options from `-A`, batch scans with
 * `--batch-print`, which names each page file the moment the page is complete, so pages
 * stream to the app while the feeder is still running.
 */
export function createSaneDriver(options: SaneDriverOptions = {}): ScanDriver {
  const command = options.command ?? 'scanimage';
  const listTimeoutMs = options.listTimeoutMs ?? 30_000;
  const stallTimeout = options.stallTimeoutMs ?? (() => DEFAULT_SCANNER_STALL_SECONDS * 1000);
  const deviceName = (deviceId: string) => {
    const { backend, device } = splitDeviceId(deviceId);
    if (backend !== 'sane' || !device)
      throw new AppError('capture.deviceGone', { params: { device: deviceId } });
    return device;
  };

  async function saneOptions(device: string, signal?: AbortSignal) {
    const { stdout, stderr, exitCode } = await runScanimage(command, ['-d', device, '-A'], {
      timeoutMs: listTimeoutMs,
      signal,
    });
    if (exitCode !== 0 && !stdout.includes('--')) {
      throw (
        failureOf({ exitCode, stderr, pagesReceived: 0, device, cancelled: false }) ??
        new AppError('capture.deviceGone', { params: { device }, detail: stderr })
      );
    }
    return parseSaneOptions(stdout);
  }

  return {
    backend: 'sane',

    async listDevices(signal) {
      const format = ['%d', '%v', '%m', '%t'].join(FIELD) + '%n';
      const { stdout } = await runScanimage(command, ['-f', format], { timeoutMs: listTimeoutMs, signal });
      return stdout
        .split('\n')
        .filter((line) => line.includes(FIELD))
        .map((line): DeviceInfo => {
          const [name = '', vendor = '', model = '', kind = ''] = line.split(FIELD);
          return { id: `sane:${name}`, backend: 'sane', vendor, model, kind };
        });
    },

    async capabilities(deviceId, signal): Promise<DeviceCapabilities> {
      return capabilitiesOf(await saneOptions(deviceName(deviceId), signal));
    },

    async *scan(
      scan: ScanOptions,
      outputDir: string,
      signal?: AbortSignal,
      onProgress?: (progress: ScanProgress) => void,
    ): AsyncGenerator<ScannedPage> {
      const device = deviceName(scan.deviceId);
      const available = await saneOptions(device, signal);
      const source = saneSourceName(available, scan.source);
      const mode = saneModeName(available, scan.mode);
      if (available.has('source') && !source) {
        throw new AppError('capture.unsupportedOption', { params: { option: scan.source } });
      }
      // A device without a mode option delivers what it has; page processing makes the mode asked for.
      if (available.has('mode') && !mode) {
        throw new AppError('capture.unsupportedOption', { params: { option: scan.mode } });
      }
      // A flatbed has one sheet; without a count scanimage would scan the glass forever.
      const count = scan.source === 'flatbed' ? 1 : scan.maxPages;
      const args = [
        '-d',
        device,
        ...(source ? ['--source', source] : []),
        ...(mode ? ['--mode', mode] : []),
        '--resolution',
        String(nearestResolution(capabilitiesOf(available), scan.dpi)),
        ...fullAreaArgs(available),
        '--format=png',
        `--batch=${join(outputDir, 'page-%04d.png')}`,
        '--batch-print',
        '--progress',
        ...(count ? [`--batch-count=${count}`] : []),
        ...(options.extraArgs?.(device) ?? []),
      ];

      const stallTimeoutMs = stallTimeout();
      const child = spawn(command, args, { env: saneEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      const running = () => child.exitCode === null && child.signalCode === null;
      // SIGTERM lets scanimage cancel the scan; one stuck closing the device ignores it.
      const stop = () => {
        if (!running()) return;
        child.kill('SIGTERM');
        setTimeout(() => running() && child.kill('SIGKILL'), KILL_GRACE_MS).unref();
      };
      let output = '';
      let cancelled = false;
      let stalled = false;
      const cancel = () => {
        cancelled = true;
        stop();
      };
      signal?.addEventListener('abort', cancel, { once: true });

      // Page paths as they arrive, and the end of the run, as one queue the generator drains.
      const pending: string[] = [];
      let finished: { exitCode: number | null; spawnError?: Error } | undefined;
      let wake: () => void = () => undefined;
      let watchdog: NodeJS.Timeout | undefined;
      const end = (exitCode: number | null) => {
        finished ??= { exitCode };
        clearTimeout(watchdog);
        wake();
      };

      // The watchdog: silence past its time ends the run. Silence after scanimage has said the
      // batch is over is a backend stuck closing the device (the `test` backend's reader thread
      // does this now and then); the pages and the status are all in, so the run ends on them.
      let batchOver = false;
      const onSilence = () => {
        stalled = !batchOver;
        stop();
        end(null);
      };
      const heard = () => {
        if (finished) return;
        clearTimeout(watchdog);
        watchdog = setTimeout(onSilence, batchOver ? CLOSE_GRACE_MS : stallTimeoutMs);
      };
      heard();
      const readProgress = onProgress ? saneProgressReader(onProgress) : () => undefined;
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        readProgress(text);
        // The tail of what came before, in case the words were split between two chunks.
        batchOver ||= BATCH_OVER.test(output.slice(-20) + text);
        output += text;
        heard();
      });
      createInterface({ input: child.stdout }).on('line', (line) => {
        if (line.trim()) pending.push(line.trim());
        heard();
        wake();
      });
      child.on('error', (spawnError) => {
        finished = { exitCode: null, spawnError };
        clearTimeout(watchdog);
        wake();
      });
      child.on('close', end);
      // A backend may fork a reader that outlives scanimage holding its output open (the `test`
      // backend's does after a sane_read error, now and then): 'close' would never come. Once
      // scanimage has exited, what it printed is read within moments; then the run is over.
      child.on('exit', (exitCode) => {
        setTimeout(() => {
          if (finished) return;
          child.stdout.destroy();
          child.stderr.destroy();
          end(exitCode);
        }, OUTPUT_DRAIN_MS).unref();
      });

      let sequence = 0;
      try {
        for (;;) {
          const path = pending.shift();
          if (path) {
            yield { sequence: ++sequence, path };
            continue;
          }
          if (finished) break;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        if (finished.spawnError) {
          throw new AppError('capture.scannerMissing', { detail: String(finished.spawnError) });
        }
        const stderr = withoutProgress(output);
        if (stalled && !cancelled) {
          throw new AppError('capture.scannerStalled', {
            params: { seconds: Math.round(stallTimeoutMs / 1000) },
            detail: stderr.trim().split('\n').at(-1),
          });
        }
        const failure = failureOf({
          exitCode: finished.exitCode,
          stderr,
          pagesReceived: sequence,
          device,
          cancelled,
        });
        if (failure) throw failure;
      } finally {
        signal?.removeEventListener('abort', cancel);
        clearTimeout(watchdog);
        // The consumer stopped early (or failed): never leave scanimage holding the device.
        stop();
      }
    },
  };
}
