import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureStep } from '../../src-shared/capture/capture-run';
import type { ScanOptions } from '../../src-shared/capture/scan-options';
import type { CaptureSettings } from '../../src-shared/domain/settings';
import { AppError, toAppError, type AppErrorData } from '../../src-shared/errors/app-error';

import { driverFor } from './drivers';
import type { ScanDriver } from './scan-driver';
import { scanProcessed, type ProcessedScanPage } from './scan-processed';

type PageFacts = Omit<ProcessedScanPage, 'image' | 'thumbnail'>;

interface Run {
  owner: string;
  dir: string;
  controller: AbortController;
  /** Processed pages on disk, waiting for the renderer to take them. */
  ready: PageFacts[];
  /** The page handed out last: its files are deleted once the renderer confirms it. */
  handedOut: PageFacts | null;
  end: { failure: AppErrorData | null } | null;
  delivered: number;
  wake: () => void;
}

/**
 * Scan runs for the renderer, pulled page by page. Each page is processed and kept on disk
 * in main until the renderer confirms, with its next request, that the page is stored in
 * IndexedDB. A renderer that reloads mid-batch asks again with the same run id, confirming
 * only what it finds stored, and gets the page it had not confirmed.
 */
export function createCaptureRuns(deps: {
  drivers: readonly ScanDriver[];
  settings: () => CaptureSettings;
  tempRoot?: string;
}) {
  const runs = new Map<string, Run>();

  const ownRun = (runId: string, owner: string): Run => {
    const run = runs.get(runId);
    if (!run || run.owner !== owner) throw new AppError('capture.unknownRun', { detail: runId });
    return run;
  };

  async function feed(run: Run, driver: ScanDriver, options: ScanOptions) {
    try {
      const pages = scanProcessed(driver, options, run.dir, deps.settings(), run.controller.signal);
      for await (const { image, thumbnail, ...facts } of pages) {
        const base = join(run.dir, `ready-${facts.sequence}`);
        await Promise.all([writeFile(`${base}.image`, image), writeFile(`${base}.thumb`, thumbnail)]);
        run.ready.push(facts);
        run.wake();
      }
      run.end = { failure: null };
    } catch (error) {
      run.end = { failure: toAppError(error).toData() };
    }
    run.wake();
  }

  return {
    async start(options: ScanOptions, owner: string): Promise<{ runId: string }> {
      const driver = driverFor(deps.drivers, options.deviceId);
      const runId = randomUUID();
      const run: Run = {
        owner,
        dir: await mkdtemp(join(deps.tempRoot ?? tmpdir(), 'sohoa-capture-')),
        controller: new AbortController(),
        ready: [],
        handedOut: null,
        end: null,
        delivered: 0,
        wake: () => undefined,
      };
      runs.set(runId, run);
      void feed(run, driver, options);
      return { runId };
    },

    /**
     * The next page, waiting for the scanner if need be; or the end of the run.
     * `confirmed` is the sequence of the page the renderer has stored, if any.
     */
    async next(runId: string, owner: string, confirmed: number | null): Promise<CaptureStep> {
      const run = ownRun(runId, owner);
      if (run.handedOut && confirmed === run.handedOut.sequence) {
        const base = join(run.dir, `ready-${run.handedOut.sequence}`);
        await Promise.all([rm(`${base}.image`, { force: true }), rm(`${base}.thumb`, { force: true })]);
        run.ready.shift();
        run.delivered += 1;
        run.handedOut = null;
      }
      while (run.ready.length === 0 && !run.end) await new Promise<void>((resolve) => (run.wake = resolve));
      const facts = run.ready[0];
      if (!facts) {
        runs.delete(runId);
        await rm(run.dir, { recursive: true, force: true });
        return { kind: 'end', pages: run.delivered, failure: run.end!.failure };
      }
      run.handedOut = facts;
      const base = join(run.dir, `ready-${facts.sequence}`);
      const [image, thumbnail] = await Promise.all([readFile(`${base}.image`), readFile(`${base}.thumb`)]);
      return {
        kind: 'page',
        page: {
          ...facts,
          imageBase64: image.toString('base64'),
          thumbnailBase64: thumbnail.toString('base64'),
        },
      };
    },

    /** Stops the scanner; pages already processed can still be taken with `next`. */
    cancel(runId: string, owner: string): void {
      ownRun(runId, owner).controller.abort();
    },
  };
}

export type CaptureRuns = ReturnType<typeof createCaptureRuns>;
