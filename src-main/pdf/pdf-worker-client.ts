import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RecordDocumentMeta } from '../../src-shared/domain/record-document';
import { AppError } from '../../src-shared/errors/app-error';
import type { Certificate } from '../../src-node/signing/certificate';
import type { PdfVerification } from '../../src-node/signing/verify-pdf';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-protocol';
import type { RecordPdfPage } from './record-pdf';

/**
 * Where the worker's code is: built, `pdf-worker.js` is an entry of the main build, beside
 * (or above) the chunk this module was bundled into; from the sources (tests, tsx), the
 * TypeScript file beside this one, loaded through tsx.
 */
function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const source = pathToFileURL(join(dirname(here), 'pdf-worker.ts')).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
    return new Worker(boot, { eval: true });
  }
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    const built = join(dir, 'pdf-worker.js');
    if (existsSync(built)) return new Worker(built);
    if (dirname(dir) === dir)
      throw new AppError('internal', { detail: 'pdf-worker.js is missing from the build' });
  }
}

/** A request before it gets its id (each member of the union on its own). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * One worker thread for building and verifying PDFs, started on first use and kept (its
 * modules stay loaded). Requests are answered in any order, by id. A worker that dies fails
 * the requests it held and is started again for the next one; it never keeps the process alive.
 */
export function createPdfWorker() {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, Pending>();

  function failAll(error: unknown) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function ensure(): Worker {
    if (worker) return worker;
    const started = startWorker();
    started.unref();
    started.on('message', (reply: PdfWorkerReply) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(AppError.fromData(reply.error));
    });
    started.on('error', (error) => {
      worker = null;
      failAll(new AppError('internal', { detail: `PDF worker: ${String(error)}` }));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new AppError('internal', { detail: `PDF worker exited with code ${code}` }));
    });
    worker = started;
    return started;
  }

  function ask<T>(request: Unnumbered<PdfWorkerRequest>): Promise<T> {
    const id = next++;
    const running = ensure();
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      running.ref();
      running.postMessage({ ...request, id });
    }).finally(() => {
      if (pending.size === 0) running.unref();
    });
  }

  return {
    /** buildRecordPdf, in the worker. */
    build: (
      pages: readonly RecordPdfPage[],
      meta: RecordDocumentMeta,
      options: { documentId?: string; now?: Date } = {},
    ) => ask<Uint8Array>({ kind: 'build', pages, meta, options }),
    /** verifyPdf against `anchors`, in the worker. */
    verify: (pdf: Uint8Array, anchors: readonly Certificate[]) =>
      ask<PdfVerification>({
        kind: 'verify',
        pdf,
        anchors: anchors.map((anchor) => new Uint8Array(anchor.der)),
      }),
    async close(): Promise<void> {
      const running = worker;
      worker = null;
      await running?.terminate();
    },
  };
}

export type PdfWorker = ReturnType<typeof createPdfWorker>;
