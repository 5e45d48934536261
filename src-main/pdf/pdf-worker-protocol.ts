import type { RecordDocumentMeta } from '../../src-shared/domain/record-document';
import type { AppErrorData } from '../../src-shared/errors/app-error';
import type { PdfVerification } from '../../src-node/signing/verify-pdf';
import type { RecordPdfPage } from './record-pdf';

/** What main asks of the PDF worker thread, and what it answers (structured clones). */
export type PdfWorkerRequest =
  | {
      id: number;
      kind: 'build';
      pages: readonly RecordPdfPage[];
      meta: RecordDocumentMeta;
      options: { documentId?: string; now?: Date };
    }
  /** `anchors`: the trust store's certificates, DER. */
  | { id: number; kind: 'verify'; pdf: Uint8Array; anchors: Uint8Array[] };

export type PdfWorkerReply =
  | { id: number; ok: true; value: Uint8Array | PdfVerification }
  | { id: number; ok: false; error: AppErrorData };
