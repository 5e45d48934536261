import type { Receipt, RecordMeta } from '../../src-shared/central/central-api';
import type { RecordFields } from '../../src-shared/domain/record-fields';
import { canTransition } from '../../src-shared/domain/record-status';
import { IMPORT_CHUNK_BYTES } from '../../src-shared/ipc/contract';
import { AppError } from '../../src-shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import { GATE_TABLES, transitionRecord } from '../db/record-transition';
import type { DocumentRow, OutboxRow } from '../db/rows';
import { station } from '../station/station';

/** What Central keeps of a record beside its file (see central-api), and the file's row. */
export async function metaOf(
  recordId: string,
): Promise<{ meta: RecordMeta; approval: string; code: string; document: DocumentRow }> {
  const record = await db.records.get(recordId);
  const document = await db.documents.get(recordId);
  if (!record?.code || !document || !record.review || record.review.decision !== 'approved') {
    throw new AppError('sync.notApproved', { params: { code: record?.code ?? recordId } });
  }
  const [pages, original, batch] = await Promise.all([
    db.pages.where('recordId').equals(recordId).count(),
    record.supersedes ? db.records.get(record.supersedes) : undefined,
    record.batchId ? db.batches.get(record.batchId) : undefined,
  ]);
  return {
    code: record.code,
    document,
    approval: record.review.token,
    meta: {
      fields: record.fields as RecordFields,
      ...(record.departmentCode ? { departmentCode: record.departmentCode } : {}),
      pages: Math.max(1, pages),
      ...(original?.code ? { supersedes: original.code } : {}),
      ...(batch ? { batchName: batch.name } : {}),
      capturedBy: batch?.ownerName || record.createdBy,
      signedAt: document.signedAt,
      approvedBy: record.review.byName,
      approvedAt: record.review.at,
    },
  };
}

/** Stores Central's receipt with the record's new status, the outbox row done and the audit entry: all or nothing. */
export async function commitReceipt(row: OutboxRow, receipt: Receipt): Promise<void> {
  await db.transaction('rw', [db.outbox, ...GATE_TABLES()], async () => {
    const record = await db.records.get(row.recordId);
    if (!record) return;
    const now = Date.now();
    if (canTransition(record.status, 'synced')) {
      await transitionRecord(record.id, 'synced', { patch: { sync: { receipt, at: now } } });
    }
    await db.outbox.update(row.id, { status: 'done', lastError: undefined, updatedAt: now });
    await appendAudit('sync', {
      recordId: record.id,
      batchId: record.batchId,
      after: { serverId: receipt.serverId, sha256: receipt.sha256, storedAt: receipt.storedAt },
    });
  });
}

/**
 * Sends one approved record to SoHoa Central and stores its receipt. Resumable at every
 * step: Central says how much of the file it already has, and a record it already holds
 * answers with its receipt, so a record interrupted anywhere (network, crash, restart of
 * either side) is sent again from where it stands and stored there exactly once.
 */
export async function syncRecord(row: OutboxRow): Promise<Receipt> {
  const { code, meta, approval, document } = await metaOf(row.recordId);
  if (!document.pdf) throw new AppError('sync.rejected', { detail: `${code}: the local file was pruned` });
  await db.outbox.update(row.id, { status: 'uploading', bytes: document.bytes, updatedAt: Date.now() });
  const announce = () =>
    station.sync.begin({ code, sha256: document.sha256, bytes: document.bytes, meta, approval });

  for (let round = 0; round < 3; round++) {
    const state = await announce();
    if (state.state === 'stored') {
      await commitReceipt(row, state.receipt);
      return state.receipt;
    }
    try {
      const announced = { code, sha256: document.sha256, bytes: document.bytes };
      let offset = state.received;
      let receipt: Receipt | undefined;
      while (offset < document.bytes) {
        const chunk = new Uint8Array(
          await document.pdf.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer(),
        );
        // The last chunk completes the upload in the same request (a record of one chunk is
        // never staged at Central).
        const last = offset + chunk.length === document.bytes;
        ({ received: offset, receipt } = await station.sync.chunk({
          uploadId: state.uploadId,
          offset,
          data: chunk,
          ...(last ? { last: announced } : {}),
        }));
      }
      // Resumed with every byte already at Central: complete it on its own.
      receipt ??= (await station.sync.complete({ uploadId: state.uploadId, ...announced })).receipt;
      await commitReceipt(row, receipt);
      return receipt;
    } catch (error) {
      // Central has other bytes than we thought (a lost answer, a restart), or it already
      // stored the record and forgot the upload: ask it again where things stand.
      const resync =
        error instanceof AppError && (error.code === 'sync.uploadOffset' || error.code === 'sync.notFound');
      if (!resync) throw error;
    }
  }
  throw new AppError('sync.unreachable', { detail: `${code}: the upload kept moving` });
}
