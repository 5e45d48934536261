import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorData } from '../../src-shared/errors/app-error';

/** What a worker answers a numbered request with (structured clones). */
export type WorkerReply<T> =
  { id: number; ok: true; value: T } | { id: number; ok: false; error: AppErrorData };

/**
 * Where a worker's code is: built, `<entry>.js` is an entry of the main build, beside (or
 * above) the chunk the caller was bundled into; from the sources (tests, tsx), `<entry>.ts`
 * beside the caller, loaded through tsx.
 */
function startWorker(entry: string, callerUrl: string): Worker {
  const here = fileURLToPath(callerUrl);
  if (here.endsWith('.ts')) {
    const source = pathToFileURL(join(dirname(here), `${entry}.ts`)).href;
    const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
    return new Worker(boot, { eval: true });
  }
  for (let dir = dirname(here); ; dir = dirname(dir)) {
    const built = join(dir, `${entry}.js`);
    if (existsSync(built)) return new Worker(built);
    if (dirname(dir) === dir)
      throw new AppError('internal', { detail: `${entry}.js is missing from the build` });
  }
}

/** A request before it gets its id (each member of the union on its own). */
export type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

type Pending = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/**
 * One worker thread for one kind of heavy work, started on first use and kept (its modules
 * stay loaded). Requests are answered in any order, by id. A worker that dies fails the
 * requests it held and is started again for the next one; it never keeps the process alive.
 */
export function createWorkerThread<Request extends { id: number }>(entry: string, callerUrl: string) {
  let worker: Worker | null = null;
  let next = 1;
  const pending = new Map<number, Pending>();

  function failAll(error: unknown) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function ensure(): Worker {
    if (worker) return worker;
    const started = startWorker(entry, callerUrl);
    started.unref();
    started.on('message', (reply: WorkerReply<unknown>) => {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(AppError.fromData(reply.error));
    });
    started.on('error', (error) => {
      worker = null;
      failAll(new AppError('internal', { detail: `${entry}: ${String(error)}` }));
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new AppError('internal', { detail: `${entry} exited with code ${code}` }));
    });
    worker = started;
    return started;
  }

  return {
    ask<T>(request: Unnumbered<Request>, transfer: ArrayBuffer[] = []): Promise<T> {
      const id = next++;
      const running = ensure();
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        running.ref();
        running.postMessage({ ...request, id }, transfer);
      }).finally(() => {
        if (pending.size === 0) running.unref();
      });
    },
    async close(): Promise<void> {
      const running = worker;
      worker = null;
      await running?.terminate();
    },
  };
}
