import { canTransition } from '../../src-shared/domain/record-status';
import type { RecordFields } from '../../src-shared/domain/record-fields';
import type { RecordDocumentMeta } from '../../src-shared/domain/record-document';
import { AppError } from '../../src-shared/errors/app-error';
import { db } from '../db/database';
import { GATE_TABLES, transitionRecord } from '../db/record-transition';
import { pagesOfRecord } from '../db/record-pages';
import type { RecordRow } from '../db/rows';
import { readChunked } from '../station/read-chunked';
import { station } from '../station/station';

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** What the file says about itself: the record's code and the clerk's fields. */
function metaOf(
  record: RecordRow,
  agencyName: string,
  procedureName?: string,
  supersedes?: string,
): RecordDocumentMeta {
  return {
    code: record.code!,
    fields: record.fields as RecordFields,
    agencyName,
    createdAt: new Date().toISOString(),
    ...(procedureName ? { procedureName } : {}),
    ...(supersedes ? { supersedes } : {}),
  };
}

/**
 * The signed record a correction replaces, checked before signing and again when the signed
 * file is stored: it must still be free to be superseded (not in review, not in the sync queue).
 */
async function replacedRecord(record: RecordRow): Promise<RecordRow | undefined> {
  if (!record.supersedes) return undefined;
  const original = await db.records.get(record.supersedes);
  if (!original) throw new AppError('records.notFound', { detail: record.supersedes });
  if (!canTransition(original.status, 'superseded')) {
    throw new AppError('records.originalBusy', {
      params: { code: original.code ?? '' },
      detail: original.status,
    });
  }
  return original;
}

/**
 * Finalizes one indexed record: main builds its PDF/A from the stored pages and their OCR
 * and signs it; the signed file comes back in chunks, is checked against the SHA-256 main
 * reported, and is stored with the record's new status in one transaction. Until that
 * commit nothing of the record changes, so a failure or a crash leaves it as it was. A
 * correction supersedes its original in that same transaction: both stay, linked.
 */
export async function finalizeRecord(
  recordId: string,
  options: { agencyName: string; procedureName?: string },
) {
  const record = await db.records.get(recordId);
  if (!record) throw new AppError('records.notFound');
  if (!record.code || !canTransition(record.status, 'finalized')) throw new AppError('records.notEditable');
  const pages = await pagesOfRecord(recordId);
  if (pages.length === 0) throw new AppError('pdf.noPages');
  const texts = await db.pageTexts.bulkGet(pages.map((page) => page.id));
  const original = await replacedRecord(record);

  const { jobId } = await station.finalize.begin({
    meta: metaOf(record, options.agencyName, options.procedureName, original?.code),
    pageCount: pages.length,
  });
  try {
    for (const [index, page] of pages.entries()) {
      const text = texts[index];
      await station.finalize.page({
        jobId,
        index,
        image: new Uint8Array(await page.image.arrayBuffer()),
        mimeType: page.mimeType === 'image/png' ? 'image/png' : 'image/jpeg',
        dpi: page.dpi,
        rotation: page.rotation,
        ocr:
          text?.words && text.widthPx && text.heightPx && text.orientation !== undefined
            ? {
                words: text.words,
                orientation: text.orientation,
                widthPx: text.widthPx,
                heightPx: text.heightPx,
                ...(text.skew === undefined ? {} : { skew: text.skew }),
              }
            : null,
      });
    }
    const done = await station.finalize.end({ jobId });
    const pdf = await readChunked((offset) => station.finalize.read({ jobId, offset }), 'application/pdf');
    const sha256 = hex(await crypto.subtle.digest('SHA-256', await pdf.arrayBuffer()));
    if (sha256 !== done.sha256 || pdf.size !== done.bytes) {
      throw new AppError('internal', {
        detail: `finalized file arrived damaged: ${sha256} ≠ ${done.sha256}`,
      });
    }
    await db.transaction('rw', [db.documents, ...GATE_TABLES()], async () => {
      const current = await db.records.get(recordId);
      if (!current || !canTransition(current.status, 'finalized')) throw new AppError('records.notEditable');
      const replaced = await replacedRecord(current);
      if (replaced) await transitionRecord(replaced.id, 'superseded', { patch: { supersededBy: recordId } });
      await db.documents.put({
        recordId,
        pdf,
        sha256,
        bytes: pdf.size,
        level: done.level,
        signerName: done.signerName,
        signedAt: Date.now(),
        attestation: done.attestation,
      });
      await transitionRecord(recordId, 'finalized', {
        patch: { finalize: undefined },
        audit: {
          action: 'finalize',
          details: {
            batchId: current.batchId,
            after: {
              code: current.code,
              sha256,
              level: done.level,
              signer: done.signerName,
              supersedes: replaced?.code,
            },
          },
        },
      });
    });
    return { sha256, level: done.level, warning: done.warning };
  } finally {
    await station.finalize.discard({ jobId }).catch(() => undefined);
  }
}

/** Puts indexed records in the finalize queue; the runner signs them when the device is unlocked. */
export async function queueForFinalize(recordIds: readonly string[]): Promise<void> {
  const queuedAt = Date.now();
  await db.transaction('rw', db.records, async () => {
    for (const id of recordIds) {
      const record = await db.records.get(id);
      if (record?.status === 'indexed' && record.code)
        await db.records.update(id, { finalize: { state: 'queued', queuedAt } });
    }
  });
}
