import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppError, isDiskFull } from '../../src-shared/errors/app-error';
import type { Logger } from '../platform/logger';
import type { Greymap } from './greymap';
import type { OcrEngine, Reading } from './ocr-engine';
import type { OcrLanguage } from './tessdata';
import { readingsFromTsv } from './tsv-reading';

/** Pages one process reads in a row: its models load once for them all. */
const MAX_BATCH = 4;
/** Past this a page is stuck (a normal A4 page takes a few seconds). */
const PAGE_TIMEOUT_MS = 120_000;
/** Below normal priority: OCR on every core must not make the clerk's screen stutter. */
const BACKGROUND_NICENESS = 10;

/**
 * The native `tesseract` (4 or later) when it is installed: `SOHOA_TESSERACT`, or the one on
 * the PATH. Null when there is none, or it does not answer like a Tesseract.
 */
export async function findNativeTesseract(): Promise<string | null> {
  const binary = process.env.SOHOA_TESSERACT || 'tesseract';
  try {
    const { stdout, stderr } = await promisify(execFile)(binary, ['--version'], { timeout: 10_000 });
    const major = /tesseract\s+v?(\d+)\./i.exec(`${stdout}\n${stderr}`)?.[1];
    return major && Number(major) >= 4 ? binary : null;
  } catch {
    return null;
  }
}

/** `work` run once, its promise shared by every caller; after a failure the next call tries again. */
function onceUntilFailure<T>(work: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () =>
    (running ??= work().catch((error: unknown) => {
      running = null;
      throw error;
    }));
}

interface Job {
  page: Greymap;
  language: OcrLanguage;
  resolve: (reading: Reading) => void;
  reject: (error: unknown) => void;
}

/**
 * Native Tesseract in child processes, one thread each (Tesseract's own threads only fight
 * each other on a busy machine), one process per slot, at background priority. Pages that
 * wait are read by one process in a row (up to MAX_BATCH, of the same resolution and
 * language), so the models load once for them; the TSV output tells the pages apart. It reads
 * the same models as the WebAssembly engine, unpacked.
 */
export function createNativeEngine(deps: {
  binary: string;
  size: number;
  /** The folder with `vie.traineddata` and `eng.traineddata`. */
  tessdata: () => Promise<string>;
  /** Where a batch's greymaps wait for the process (removed after). */
  workDir: string;
  log: Logger;
}): OcrEngine {
  const queue: Job[] = [];
  const children = new Set<ChildProcess>();
  let running = 0;
  let closed = false;
  // What a crash left behind is cleared once, before the first batch.
  const workDirReady = onceUntilFailure(async () => {
    await rm(deps.workDir, { recursive: true, force: true });
    await mkdir(deps.workDir, { recursive: true });
  });
  // The models are unpacked once, by the first batch; the others wait for it.
  const tessdata = onceUntilFailure(deps.tessdata);

  async function recognizeAll(pages: readonly Greymap[], language: OcrLanguage): Promise<Reading[]> {
    await workDirReady();
    const dir = await mkdtemp(join(deps.workDir, 'batch-'));
    try {
      const files = pages.map((_, index) => join(dir, `page-${index}.pgm`));
      await Promise.all(pages.map((page, index) => writeFile(files[index]!, page.pgm)));
      const list = join(dir, 'pages.txt');
      await writeFile(list, `${files.join('\n')}\n`);
      const dpi = pages[0]!.dpi;
      const tsv = await run(
        [
          list,
          'stdout',
          '-l',
          language,
          '--oem',
          '1',
          '--psm',
          '3',
          '--tessdata-dir',
          await tessdata(),
          ...(dpi ? ['--dpi', String(dpi)] : []),
          '-c',
          'tessedit_create_tsv=1',
          '-c',
          'tessedit_create_txt=0',
        ],
        PAGE_TIMEOUT_MS * pages.length,
      );
      return readingsFromTsv(tsv, pages.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  function run(args: string[], timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(deps.binary, args, {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      try {
        if (child.pid) setPriority(child.pid, BACKGROUND_NICENESS);
      } catch {
        // Not allowed here (some sandboxes): normal priority, still correct.
      }
      const out: Buffer[] = [];
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        children.delete(child);
        reject(error);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        children.delete(child);
        if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
        else reject(new Error(`tesseract exited ${code ?? signal}: ${err.trim()}`));
      });
    });
  }

  /** A full disk is said as such; anything else means the engine could not read. */
  const failure = (error: unknown) =>
    isDiskFull(error)
      ? new AppError('storage.diskFull', { detail: String(error) })
      : new AppError('ocr.unavailable', { detail: String(error) });

  async function runBatch(batch: Job[]): Promise<void> {
    try {
      const readings = await recognizeAll(
        batch.map((job) => job.page),
        batch[0]!.language,
      );
      batch.forEach((job, index) => job.resolve(readings[index]!));
    } catch (error) {
      if (batch.length === 1 || closed) {
        for (const job of batch) job.reject(failure(error));
        return;
      }
      // One page the process could not take must not cost the others theirs: each alone.
      for (const job of batch) {
        await recognizeAll([job.page], job.language).then(
          ([reading]) => job.resolve(reading!),
          (alone: unknown) => job.reject(failure(alone)),
        );
      }
    }
  }

  /** Starts a process for each free slot, each taking its share of the waiting pages. */
  function pump(): void {
    while (!closed && running < deps.size && queue.length > 0) {
      const share = Math.min(MAX_BATCH, Math.ceil(queue.length / deps.size));
      const { page: first, language } = queue[0]!;
      const batch: Job[] = [];
      for (let index = 0; index < queue.length && batch.length < share;) {
        const job = queue[index]!;
        if (job.page.dpi === first.dpi && job.language === language) batch.push(...queue.splice(index, 1));
        else index += 1;
      }
      running += 1;
      void runBatch(batch).finally(() => {
        running -= 1;
        pump();
      });
    }
  }

  deps.log.info('ocr: native Tesseract', { binary: deps.binary, processes: deps.size });
  return {
    name: 'native',
    size: deps.size,
    read(page, language = 'vie') {
      if (closed) return Promise.reject(new AppError('ocr.unavailable', { detail: 'OCR closed' }));
      return new Promise<Reading>((resolve, reject) => {
        queue.push({ page, language, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0))
        job.reject(new AppError('ocr.unavailable', { detail: 'OCR closed' }));
      for (const child of children) child.kill('SIGKILL');
    },
  };
}
