import { parentPort } from 'node:worker_threads';
import { toAppError } from '../../src-shared/errors/app-error';
import type { WorkerReply } from './worker-thread';

/**
 * The worker's side of createWorkerThread: each numbered request answered by `handle`, its
 * failure as an AppError's data; a byte array answered is moved, not copied.
 */
export function serveRequests<Request extends { id: number }>(
  handle: (request: Request) => Promise<unknown>,
): void {
  const port = parentPort!;
  port.on('message', (request: Request) => {
    void handle(request)
      .then((value): WorkerReply<unknown> => ({ id: request.id, ok: true, value }))
      .catch((error: unknown): WorkerReply<unknown> => ({
        id: request.id,
        ok: false,
        error: toAppError(error).toData(),
      }))
      .then((reply) => {
        const transfer =
          reply.ok && reply.value instanceof Uint8Array ? [reply.value.buffer as ArrayBuffer] : [];
        port.postMessage(reply, transfer);
      });
  });
}
