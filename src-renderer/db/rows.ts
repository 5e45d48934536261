import type { RecordedRevocation } from '../../src-shared/domain/revocation';
import type { AuditEntry } from '../../src-shared/audit/audit-chain';
import type { BatchStatus } from '../../src-shared/domain/batch';
import type { RecordStatus } from '../../src-shared/domain/record-status';
import type { RejectReason } from '../../src-shared/review/review-decision';
import type { Receipt } from '../../src-shared/central/central-api';
import type { AppErrorData } from '../../src-shared/errors/app-error';
import type { OcrPage } from '../../src-shared/ocr/ocr-page';
import type { PageCode } from '../../src-shared/capture/sheet-code';

/** A digitized result being built at this station. Fields grow with the indexing issue. */
export interface RecordRow {
  id: string;
  /** The result's own code, issued at indexing; never reused. */
  code?: string;
  status: RecordStatus;
  batchId?: string;
  ownerIdNumber?: string;
  ownerName?: string;
  /** foldText(ownerName): the index behind diacritic-insensitive name search (schema v2). */
  ownerNameFolded?: string;
  documentNumber?: string;
  procedureCode?: string;
  departmentCode?: string;
  fields: Record<string, unknown>;
  /** The indexing form as the clerk left it, unsaved (typed and accepted values): restored on reopening, cleared by saving. */
  draft?: { values: Record<string, string | boolean | undefined>; at: number };
  /** Suggestions the clerk dismissed as wrong, by field: never offered again, nor by accept-all. */
  dismissedSuggestions?: Record<string, string>;
  /** What the clerk sees in the capture list: the scanner or the imported file's name. */
  captureLabel?: string;
  /** The cover sheet the record was scanned after: its fields came from that prepared record. */
  coverReference?: string;
  /** In the finalize queue (schema v6): waiting, or failed with the reason shown to the clerk. */
  finalize?: { state: 'queued' | 'failed'; queuedAt: number; error?: AppErrorData };
  /** The record this one corrects, and the one that corrected it (both kept, both with codes). */
  supersedes?: string;
  supersededBy?: string;
  /** The supervisor's last decision, with main's attestation of it (sync sends only approved ones). */
  review?: {
    decision: 'approved' | 'rejected';
    by: string;
    byName: string;
    at: number;
    reason?: { code: RejectReason; text: string };
    token: string;
  };
  /** SoHoa Central's receipt, stored in the same transaction that marks the record synced. */
  sync?: { receipt: Receipt; at: number };
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

/** One scanned or imported page; the image is stored before the UI shows its thumbnail. */
export interface PageRow {
  id: string;
  recordId: string;
  index: number;
  image: Blob;
  thumbnail: Blob;
  mimeType: string;
  widthPx: number;
  heightPx: number;
  dpi: number;
  lowDpi: boolean;
  sha256: string;
  blank: boolean;
  /** Where the page came from: `<runId>:<sequence>` of its capture run, so storing it twice is a no-op. */
  origin: string;
  /** Clockwise degrees to turn the stored image when showing it and at finalize. */
  rotation: PageRotation;
  /** The barcodes read on the page when it was captured (a receipt's, a recent result's). */
  codes?: PageCode[];
  /** The born-digital original this page renders, and which of its pages (1-based). */
  originalId?: string;
  originalPage?: number;
  ocrStatus: 'pending' | 'done' | 'failed';
  createdAt: number;
}

/** The folded words a record can be found by (schema v5): fields first, then its pages' text. */
export interface RecordTermsRow {
  recordId: string;
  terms: string[];
}

/** What OCR read on a page (schema v4), kept apart from the page row. */
export interface PageTextRow extends Partial<OcrPage> {
  pageId: string;
  /** Why OCR failed, when it did (the page's ocrStatus says `failed`). */
  error?: AppErrorData;
}

export const PAGE_ROTATIONS = [0, 90, 180, 270] as const;
export type PageRotation = (typeof PAGE_ROTATIONS)[number];

/** A born-digital file (PDF) as it was imported, byte for byte: evidence, never re-encoded. */
export interface OriginalRow {
  id: string;
  recordId: string;
  name: string;
  mimeType: 'application/pdf';
  data: Blob;
  sha256: string;
  bytes: number;
  pages: number;
  createdAt: number;
}

/** A batch; its status is always rewritten from its records' (see batchStatusOf). */
export interface BatchRow {
  id: string;
  name: string;
  status: BatchStatus;
  departmentCode?: string;
  procedureCode?: string;
  ownerUserId: string;
  /** The clerk's name when the batch was made, for the supervisor's queue. */
  ownerName: string;
  submittedAt?: number;
  createdAt: number;
  updatedAt: number;
}

/** Append-only; each entry carries the SHA-256 of its predecessor (src-shared/audit). */
export type AuditRow = AuditEntry;

/** A record waiting for SoHoa Central: queued at approval, done when its receipt is stored. */
export interface OutboxRow {
  id: string;
  kind: 'record';
  recordId: string;
  /** failed: Central refused it for good (a conflict, a bad file); a person must look. */
  status: 'pending' | 'uploading' | 'done' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  lastError?: AppErrorData;
  bytes?: number;
  updatedAt: number;
}

/** Small station-local values that must survive everything, e.g. the code sequence high-water mark. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** A finalized record's file (schema v6): the signed PDF/A exactly as main returned it. */
export interface DocumentRow {
  recordId: string;
  /** Gone once pruned after Central's receipt (settings: sync.pruneAfterDays); the rest stays. */
  pdf?: Blob;
  prunedAt?: number;
  sha256: string;
  bytes: number;
  /** PAdES level reached: B-T when the timestamp server answered. */
  level: 'B-B' | 'B-T';
  signerName: string;
  signedAt: number;
  /** Main's attestation that this file was signed for this code, and by whom. */
  attestation?: string;
}

/** One inventory count (kiểm đếm); the latest of a department and procedure is the denominator of progress. */
export interface InventoryRow {
  id?: number;
  departmentCode: string;
  procedureCode: string;
  count: number;
  /** yyyy-mm-dd */
  countedAt: string;
  note: string;
  enteredBy: string;
  enteredByName: string;
  enteredAt: number;
}

/** A result revoked by its issuing agency, as a supervisor recorded it here (or SoHoa Central answered). */
export interface RevocationRow extends RecordedRevocation {
  /** The result's code: one here, or one only SoHoa Central holds. */
  code: string;
  recordId?: string;
  byName: string;
  /** Main's attestation (review.revoke), what the sync shows Central. */
  attestation: string;
  /** When Central confirmed it holds the revocation; until then the sync sends it. */
  syncedAt?: number;
  /** Central's refusal, kept for a person (the sync stops trying). */
  refused?: string;
  /** Who Central says made it, once it answered: the signer's name and the station's number (null: Central's admin). */
  signer?: string;
  stationNumber?: string | null;
}

/** A result looked up and handed over for a new procedure, so the citizen need not bring the paper again. */
export interface ReuseRow {
  id?: number;
  recordId?: string;
  code: string;
  /** Where the file came from: this station, or SoHoa Central. */
  source: 'local' | 'central';
  by: string;
  at: number;
}
