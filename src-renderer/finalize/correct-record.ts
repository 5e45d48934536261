import { canTransition } from '../../src-shared/domain/record-status';
import { AppError } from '../../src-shared/errors/app-error';
import { openBatchFor } from '../batches/batches';
import { db } from '../db/database';
import { addRecord, GATE_TABLES } from '../db/record-transition';
import { pagesOfRecord } from '../db/record-pages';
import type { RecordRow } from '../db/rows';
import { refreshRecordTerms } from '../search/record-terms';

/** A signed record may get a correction while nothing holds it (review, the sync queue). */
export const canCorrect = (record: Pick<RecordRow, 'status' | 'supersededBy'>): boolean =>
  canTransition(record.status, 'superseded') && !record.supersededBy;

/** The open correction of a record, if the clerk already started one. */
export const correctionOf = (recordId: string): Promise<RecordRow | undefined> =>
  db.records.filter((record) => record.supersedes === recordId && record.status !== 'superseded').first();

/**
 * What a correction takes over from the record it corrects: the result it describes, and
 * nothing of the version's own life (its code, file, review, Central's receipt, links).
 * Listed, not left out, so a field added to records later is not copied by accident.
 */
function keptByCorrection(original: RecordRow) {
  const { fields, captureLabel, departmentCode, procedureCode } = original;
  const { ownerIdNumber, ownerName, ownerNameFolded, documentNumber } = original;
  return {
    fields: structuredClone(fields),
    ...(captureLabel ? { captureLabel } : {}),
    ...(departmentCode ? { departmentCode } : {}),
    ...(procedureCode ? { procedureCode } : {}),
    ...(ownerIdNumber ? { ownerIdNumber } : {}),
    ...(ownerName ? { ownerName } : {}),
    ...(ownerNameFolded ? { ownerNameFolded } : {}),
    ...(documentNumber ? { documentNumber } : {}),
  };
}

/**
 * Starts a correction of a signed record: a new record with a copy of its pages (the same
 * stored images, their turns and OCR text), its fields filled in as they were, and a link
 * back. It goes through indexing like any record and gets its own code; the original stays
 * as it is, signed, until the correction is signed (then it is superseded, see
 * finalizeRecord). Starting twice returns the correction already started.
 */
export async function createCorrection(recordId: string, userId: string): Promise<string> {
  const tables = [db.pages, db.pageTexts, db.originals, db.meta, ...GATE_TABLES()];
  const id = await db.transaction('rw', tables, async () => {
    const original = await db.records.get(recordId);
    if (!original) throw new AppError('records.notFound', { detail: recordId });
    if (!canCorrect(original)) {
      throw new AppError('records.notCorrectable', { detail: original.status });
    }
    const started = await correctionOf(recordId);
    if (started) return started.id;

    const id = crypto.randomUUID();
    const now = Date.now();
    const kept = keptByCorrection(original);
    // A rejected record's correction goes back for review in its batch; any other joins the
    // clerk's open batch.
    const batchId =
      original.status === 'rejected' && original.batchId
        ? original.batchId
        : (await openBatchFor(userId, kept)).id;
    await addRecord(
      {
        ...kept,
        id,
        status: 'captured',
        batchId,
        supersedes: original.id,
        createdBy: userId,
        createdAt: now,
        updatedAt: now,
      },
      { action: 'correct', details: { batchId, before: { record: original.id, code: original.code } } },
    );
    const originalIds = new Map<string, string>();
    for (const row of await db.originals.where('recordId').equals(recordId).toArray()) {
      const copy = crypto.randomUUID();
      originalIds.set(row.id, copy);
      await db.originals.add({ ...row, id: copy, recordId: id, createdAt: now });
    }
    const pages = await pagesOfRecord(recordId);
    const texts = await db.pageTexts.bulkGet(pages.map((page) => page.id));
    for (const [index, page] of pages.entries()) {
      const pageId = crypto.randomUUID();
      await db.pages.add({
        ...page,
        id: pageId,
        recordId: id,
        // Unique per page row (capture stores by origin); the copy says what it copies.
        origin: `correction:${page.id}`,
        ...(page.originalId ? { originalId: originalIds.get(page.originalId)! } : {}),
        createdAt: now,
      });
      const text = texts[index];
      if (text) await db.pageTexts.put({ ...text, pageId });
    }
    return id;
  });
  await refreshRecordTerms(id);
  return id;
}
