import { readCertificate } from '../../src-node/signing/certificate';
import { verifyPdf } from '../../src-node/signing/verify-pdf';
import { buildRecordPdf } from './record-pdf';
import { serveRequests } from '../platform/worker-serve';
import type { PdfWorkerRequest } from './pdf-worker-protocol';

/**
 * The worker thread that builds and verifies PDFs, so that main's event loop (IPC, the
 * scanner, the screen's requests) never waits on pdf-lib or on hashing a large file.
 */
serveRequests<PdfWorkerRequest>(async (request) => {
  if (request.kind === 'build') return buildRecordPdf(request.pages, request.meta, request.options);
  const anchors = request.anchors.map((der) => readCertificate(der));
  return verifyPdf(Buffer.from(request.pdf), anchors);
});
