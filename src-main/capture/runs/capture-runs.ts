import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  CaptureRunKind,
  CaptureRunSummary,
  CaptureStep,
  ScanProgress,
} from '../../../src-shared/capture/capture-run';
import type { ScanOptions } from '../../../src-shared/capture/scan-options';
import type { CaptureSettings } from '../../../src-shared/domain/settings';
import { AppError, toAppError } from '../../../src-shared/errors/app-error';
import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import { driverFor } from '../drivers';
import type { ScanDriver } from '../scan-driver';
import {
  loadRunDirectory,
  runDirectory,
  type RunDirectory,
  type RunEnd,
  type RunMeta,
} from './run-directory';
import { ownBytes } from '../../../src-shared/encoding/bytes';
import { importSource, scanSource, type RunSource } from './run-sources';

interface Run {
  meta: RunMeta;
  store: RunDirectory;
  controller: AbortController;
  /** Sequences of items on disk, waiting for the renderer to take them. */
  pending: number[];
  /** The item handed out last: deleted once the renderer confirms it. */
  handedOut: number | null;
  end: RunEnd | null;
  delivered: number;
  /** The page the scanner is reading, while it reads. */
  reading: ScanProgress | null;
  wake: () => void;
}

const WORK_DIR = 'work';

/** Runs of one file (an import, a hot-folder file): all of it, or nothing of it. */
const isWholeFile = (kind: CaptureRunKind) => kind !== 'scan';

/**
 * Capture runs, pulled by the renderer item by item. Each processed page (and each kept
 * original) is written to the run's folder under the data folder, and deleted only when
 * the renderer confirms, with its next request, that it is stored in IndexedDB. A renderer
 * that reloads asks again with the same run id and gets the item it had not confirmed; a
 * main process that restarts finds its runs on disk and still hands their items out.
 */
export function createCaptureRuns(deps: {
  root: string;
  drivers: readonly ScanDriver[];
  settings: () => CaptureSettings;
  clock: Clock;
  log: Logger;
}) {
  const runs = new Map<string, Run>();

  /** Runs left on disk by a previous process: what they hold is still delivered. */
  async function restore(): Promise<void> {
    await mkdir(deps.root, { recursive: true });
    for (const runId of await readdir(deps.root)) {
      const dir = join(deps.root, runId);
      const loaded = await loadRunDirectory(dir);
      if (!loaded || (loaded.pending.length === 0 && loaded.meta.kind === 'hotFolder')) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      const store = runDirectory(dir);
      await rm(join(dir, WORK_DIR), { recursive: true, force: true });
      const end = loaded.end ?? { failure: new AppError('capture.interrupted').toData() };
      // A file cut off midway was never announced: nothing of it is kept.
      const pending = !loaded.end && isWholeFile(loaded.meta.kind) ? [] : loaded.pending;
      if (pending !== loaded.pending) for (const sequence of loaded.pending) await store.removeItem(sequence);
      if (!loaded.end) await store.writeEnd(end);
      runs.set(runId, {
        meta: loaded.meta,
        store,
        controller: new AbortController(),
        pending,
        handedOut: null,
        end,
        delivered: 0,
        reading: null,
        wake: () => undefined,
      });
      deps.log.info('capture: run restored', { runId, pending: pending.length });
    }
  }
  const restored = restore();

  async function feed(run: Run, source: RunSource): Promise<void> {
    const workDir = join(run.store.dir, WORK_DIR);
    let sequence = 0;
    let originalSequence = 0;
    let end: RunEnd;
    // A scan hands each page out as it comes (a jam keeps the pages before it); a file's items
    // wait until the whole file is through, so a file that fails leaves nothing behind.
    const wholeFile = isWholeFile(run.meta.kind);
    const written: number[] = [];
    try {
      await mkdir(workDir, { recursive: true });
      const reading = (progress: ScanProgress) => (run.reading = progress);
      for await (const item of source(workDir, run.controller.signal, reading)) {
        sequence += 1;
        if (item.kind === 'original') {
          const { path, ...facts } = item.original;
          const original = { sequence, name: run.meta.label, mimeType: 'application/pdf' as const, ...facts };
          await run.store.writeOriginal(original, path);
          originalSequence = sequence;
        } else {
          const { image, thumbnail, ...facts } = item.page;
          const origin = item.originalPage ? { originalSequence, originalPage: item.originalPage } : {};
          const side = item.side ? { side: item.side } : {};
          await run.store.writePage({ sequence, ...facts, ...origin, ...side }, image, thumbnail);
        }
        written.push(sequence);
        if (!wholeFile) {
          run.pending.push(sequence);
          run.wake();
        }
      }
      end = { failure: null };
    } catch (error) {
      end = { failure: toAppError(error).toData() };
      if (wholeFile) await Promise.all(written.map((item) => run.store.removeItem(item)));
    }
    // The run's folder is settled before the end is announced: `next` removes it then.
    await rm(workDir, { recursive: true, force: true });
    await run.store.writeEnd(end).catch((error: unknown) => {
      deps.log.error('capture: end of run not written', { runId: run.meta.runId, error: String(error) });
    });
    if (wholeFile && !end.failure) run.pending.push(...written);
    run.reading = null;
    run.end = end;
    run.wake();
  }

  /** A new run fed by `source` in the background; resolves with the run once it exists on disk. */
  async function open(kind: CaptureRunKind, owner: string | null, label: string, source: RunSource) {
    await restored;
    const runId = randomUUID();
    const meta: RunMeta = { runId, kind, owner, label, startedAt: deps.clock() };
    const store = runDirectory(join(deps.root, runId));
    await store.create(meta);
    const run: Run = {
      meta,
      store,
      controller: new AbortController(),
      pending: [],
      handedOut: null,
      end: null,
      delivered: 0,
      reading: null,
      wake: () => undefined,
    };
    runs.set(runId, run);
    return { run, fed: feed(run, source) };
  }

  async function ownRun(runId: string, user: string): Promise<Run> {
    await restored;
    const run = runs.get(runId);
    if (!run || (run.meta.owner !== null && run.meta.owner !== user)) {
      throw new AppError('capture.unknownRun', { detail: runId });
    }
    return run;
  }

  return {
    /** Settled once the runs a previous process left are loaded (or found unusable). */
    ready: restored.catch(() => undefined),
    /** Scans into a new run owned by `user`. */
    async startScan(options: ScanOptions, user: string): Promise<{ runId: string }> {
      const driver = driverFor(deps.drivers, options.deviceId);
      const source = scanSource(driver, options, deps.settings());
      const { run } = await open('scan', user, options.deviceId, source);
      return { runId: run.meta.runId };
    },

    /** Imports one file into a new run owned by `user`; `afterwards` runs when the file is done with. */
    async startImport(path: string, name: string, user: string, afterwards?: () => Promise<void>) {
      const { run, fed } = await open('import', user, name, importSource(path, deps.settings()));
      void fed.finally(() => afterwards?.());
      return { runId: run.meta.runId };
    },

    /**
     * Imports a hot-folder file completely into a run any capturing user may take, and
     * resolves only then (the hot folder moves the file away next). Rejects with the
     * file's failure, keeping nothing of it.
     */
    async takeFile(path: string, name: string): Promise<{ runId: string; items: number }> {
      const { run, fed } = await open('hotFolder', null, name, importSource(path, deps.settings()));
      await fed;
      const items = run.pending.length;
      if (items === 0) {
        runs.delete(run.meta.runId);
        await run.store.remove();
      }
      if (run.end?.failure) throw AppError.fromData(run.end.failure);
      return { runId: run.meta.runId, items };
    },

    /** The runs `user` may take items from, oldest first. */
    async list(user: string): Promise<CaptureRunSummary[]> {
      await restored;
      return [...runs.values()]
        .filter(({ meta }) => meta.owner === null || meta.owner === user)
        .sort((a, b) => a.meta.startedAt - b.meta.startedAt)
        .map(({ meta, pending, end, reading }) => ({
          runId: meta.runId,
          kind: meta.kind,
          label: meta.label,
          startedAt: meta.startedAt,
          pending: pending.length,
          ended: end !== null,
          reading,
        }));
    },

    /**
     * The next item, waiting for the source if need be; or the end of the run.
     * `confirmed` is the sequence of the item the renderer has stored, if any.
     */
    async next(runId: string, user: string, confirmed: number | null): Promise<CaptureStep> {
      const run = await ownRun(runId, user);
      if (run.handedOut !== null && confirmed === run.handedOut) {
        await run.store.removeItem(run.handedOut);
        run.pending.shift();
        run.delivered += 1;
        run.handedOut = null;
      }
      while (run.pending.length === 0 && !run.end) await new Promise<void>((resolve) => (run.wake = resolve));
      const sequence = run.pending[0];
      if (sequence === undefined) {
        runs.delete(runId);
        await run.store.remove();
        return { kind: 'end', pages: run.delivered, failure: run.end!.failure };
      }
      run.handedOut = sequence;
      const item = await run.store.readItem(sequence);
      if (item.kind === 'original') {
        const { kind: _kind, ...facts } = item.facts;
        return { kind: 'original', original: { ...facts, data: ownBytes(item.data) } };
      }
      const { kind: _kind, ...facts } = item.facts;
      return {
        kind: 'page',
        page: {
          ...facts,
          image: ownBytes(item.image),
          thumbnail: ownBytes(item.thumbnail),
        },
      };
    },

    /** Stops the source; items already processed can still be taken with `next`. */
    async cancel(runId: string, user: string): Promise<void> {
      (await ownRun(runId, user)).controller.abort();
    },
  };
}

export type CaptureRuns = ReturnType<typeof createCaptureRuns>;
