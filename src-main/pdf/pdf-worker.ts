import { parentPort } from 'node:worker_threads';
import { toAppError } from '../../src-shared/errors/app-error';
import { readCertificate } from '../../src-node/signing/certificate';
import { verifyPdf } from '../../src-node/signing/verify-pdf';
import { buildRecordPdf } from './record-pdf';
import type { PdfWorkerReply, PdfWorkerRequest } from './pdf-worker-protocol';

/**
 * The worker thread that builds and verifies PDFs, so that main's event loop (IPC, the
 * scanner, the screen's requests) never waits on pdf-lib or on hashing a large file.
 */
const port = parentPort!;

async function answer(request: PdfWorkerRequest): Promise<PdfWorkerReply> {
  try {
    if (request.kind === 'build') {
      const pdf = await buildRecordPdf(request.pages, request.meta, request.options);
      return { id: request.id, ok: true, value: pdf };
    }
    const anchors = request.anchors.map((der) => readCertificate(der));
    return { id: request.id, ok: true, value: verifyPdf(Buffer.from(request.pdf), anchors) };
  } catch (error) {
    return { id: request.id, ok: false, error: toAppError(error).toData() };
  }
}

port.on('message', (request: PdfWorkerRequest) => {
  void answer(request).then((reply) => {
    const transfer = reply.ok && reply.value instanceof Uint8Array ? [reply.value.buffer as ArrayBuffer] : [];
    port.postMessage(reply, transfer);
  });
});
