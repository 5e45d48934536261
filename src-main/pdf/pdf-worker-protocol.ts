import type { RecordDocumentMeta } from '../../src-shared/domain/record-document';
import type { RecordPdfOptions, RecordPdfPage } from './record-pdf';

/** What main asks of the PDF worker thread, and what it answers (structured clones). */
export type PdfWorkerRequest =
  | {
      id: number;
      kind: 'build';
      pages: readonly RecordPdfPage[];
      meta: RecordDocumentMeta;
      options: RecordPdfOptions;
    }
  /** `anchors`: the trust store's certificates, DER. */
  | { id: number; kind: 'verify'; pdf: Uint8Array; anchors: Uint8Array[] };
