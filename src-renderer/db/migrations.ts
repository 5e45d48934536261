import type { Transaction } from 'dexie';
import { foldText } from '../../src-shared/domain/text-fold';

/**
 * The schema's history. Versions are only ever appended: a station may skip several
 * releases, and Dexie runs every upgrade between the version on disk and the newest.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    stores: {
      records: 'id, &code, status, batchId, ownerIdNumber, documentNumber, updatedAt',
      pages: 'id, recordId, [recordId+index]',
      batches: 'id, status, updatedAt',
      audit: '++seq, at, recordId',
      outbox: 'id, status, nextAttemptAt, recordId',
    },
  },
  {
    // v2: diacritic-insensitive owner-name search, status queues ordered by time for the
    // runners, and a meta table for values such as the record-code sequence.
    version: 2,
    stores: {
      records:
        'id, &code, status, batchId, ownerIdNumber, documentNumber, updatedAt, ownerNameFolded, [status+updatedAt]',
      meta: 'key',
    },
    upgrade: async (transaction) => {
      await transaction
        .table('records')
        .toCollection()
        .modify((record: { ownerName?: string; ownerNameFolded?: string }) => {
          if (record.ownerName) record.ownerNameFolded = foldText(record.ownerName);
        });
    },
  },
  {
    // v3: born-digital originals kept byte for byte beside their rendered pages, and a
    // page rotation applied on view and at finalize (the stored image is never re-encoded).
    version: 3,
    stores: {
      pages: 'id, recordId, [recordId+index], originalId',
      originals: 'id, recordId',
    },
    upgrade: async (transaction) => {
      await transaction
        .table('pages')
        .toCollection()
        .modify((page: { rotation?: number }) => {
          page.rotation ??= 0;
        });
    },
  },
  {
    // v4: OCR results beside the pages (kept out of the page rows, which the capture screen
    // reads whole), the OCR queue by status, and records by procedure for search.
    version: 4,
    stores: {
      pages: 'id, recordId, [recordId+index], originalId, ocrStatus',
      pageTexts: 'pageId',
      records:
        'id, &code, status, batchId, ownerIdNumber, documentNumber, updatedAt, ownerNameFolded, [status+updatedAt], procedureCode',
    },
  },
  {
    // v5: a word index per record (its fields and the OCR text of its pages, folded), for
    // full-text search without reading every record.
    version: 5,
    stores: { recordTerms: 'recordId, *terms' },
  },
  {
    // v6: the signed PDF/A of each finalized record, kept apart from the record rows that
    // lists read whole; records carry their place in the finalize queue, indexed so that the
    // runner reads the queue, not every indexed record.
    version: 6,
    stores: {
      documents: 'recordId, sha256',
      records:
        'id, &code, status, batchId, ownerIdNumber, documentNumber, updatedAt, ownerNameFolded, [status+updatedAt], procedureCode, finalize.state',
    },
  },
  {
    // v7: batches found by their owner (the clerk's open batch, the review queue by status);
    // the audit trail keyed by the sequence number its hashes cover.
    version: 7,
    stores: { batches: 'id, status, updatedAt, ownerUserId' },
  },
  {
    // v8: the inventory (kiểm đếm), each count kept with who entered it and when, and the
    // reuse of results (the plan's "no need to bring the paper again").
    version: 8,
    stores: { inventory: '++id, [departmentCode+procedureCode], countedAt', reuses: '++id, recordId, at' },
  },
  {
    // v9: revocations (thu hồi) of results by their issuing agency, by code: a result held
    // here or only on SoHoa Central; the attestation rides along until Central has it.
    version: 9,
    stores: { revocations: 'code, recordId' },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
