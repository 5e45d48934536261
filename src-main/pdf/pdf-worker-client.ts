import type { RecordDocumentMeta } from '../../src-shared/domain/record-document';
import type { Certificate } from '../../src-node/signing/certificate';
import type { PdfVerification } from '../../src-node/signing/verify-pdf';
import { createWorkerThread } from '../platform/worker-thread';
import type { PdfWorkerRequest } from './pdf-worker-protocol';
import type { RecordPdfOptions, RecordPdfPage } from './record-pdf';

/**
 * One worker thread for building and verifying PDFs (platform/worker-thread.ts), so that
 * main's event loop never waits on pdf-lib or on hashing a large file.
 */
export function createPdfWorker() {
  const thread = createWorkerThread<PdfWorkerRequest>('pdf-worker', import.meta.url);
  const ask = thread.ask;
  return {
    /** buildRecordPdf, in the worker. */
    build: (pages: readonly RecordPdfPage[], meta: RecordDocumentMeta, options: RecordPdfOptions = {}) =>
      ask<Uint8Array>({ kind: 'build', pages, meta, options }),
    /** verifyPdf against `anchors`, in the worker. */
    verify: (pdf: Uint8Array, anchors: readonly Certificate[]) =>
      ask<PdfVerification>({
        kind: 'verify',
        pdf,
        anchors: anchors.map((anchor) => new Uint8Array(anchor.der)),
      }),
    close: thread.close,
  };
}

export type PdfWorker = ReturnType<typeof createPdfWorker>;
