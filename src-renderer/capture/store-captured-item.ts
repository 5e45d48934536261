import Dexie from 'dexie';
import type { CaptureStep } from '../../src-shared/capture/capture-run';
import { db } from '../db/database';
import { editableRecord, GATE_TABLES, transitionRecord } from '../db/record-transition';

/** The index after the record's last page (deleted pages leave no hole to fill). */
export async function nextPageIndex(recordId: string): Promise<number> {
  const last = await db.pages
    .where('[recordId+index]')
    .between([recordId, Dexie.minKey], [recordId, Dexie.maxKey])
    .last();
  return last ? last.index + 1 : 0;
}

const itemId = (runId: string, sequence: number) => `${runId}:${sequence}`;

/**
 * Stores one item of a capture run in IndexedDB, in one transaction: a page at the end of
 * its record, or a born-digital original. Keyed by run and sequence, so an item handed out
 * again after a reload is not stored twice. A record that may no longer change (signed
 * meanwhile) or is gone refuses it (`records.notEditable`, `records.notFound`) and keeps
 * nothing: the caller files the item elsewhere.
 */
export async function storeCapturedItem(
  recordId: string,
  runId: string,
  step: Exclude<CaptureStep, { kind: 'end' }>,
): Promise<number> {
  const now = Date.now();
  if (step.kind === 'original') {
    const { sequence, data: bytes, ...facts } = step.original;
    const id = itemId(runId, sequence);
    await db.transaction('rw', [db.originals, db.records], async () => {
      if (await db.originals.get(id)) return;
      await editableRecord(recordId);
      const data = new Blob([bytes], { type: facts.mimeType });
      await db.originals.add({ id, recordId, ...facts, data, createdAt: now });
    });
    return sequence;
  }
  const { page } = step;
  const id = itemId(runId, page.sequence);
  await db.transaction('rw', [db.pages, ...GATE_TABLES()], async () => {
    if (await db.pages.get(id)) return;
    await transitionRecord(recordId, 'captured');
    await db.pages.add({
      id,
      origin: id,
      recordId,
      index: await nextPageIndex(recordId),
      image: new Blob([page.image], { type: page.mimeType }),
      thumbnail: new Blob([page.thumbnail], { type: 'image/jpeg' }),
      mimeType: page.mimeType,
      widthPx: page.widthPx,
      heightPx: page.heightPx,
      dpi: page.dpi,
      lowDpi: page.lowDpi,
      sha256: page.sha256,
      blank: page.blank,
      rotation: 0,
      ...(page.codes.length > 0 ? { codes: page.codes } : {}),
      ...(page.originalSequence
        ? { originalId: itemId(runId, page.originalSequence), originalPage: page.originalPage }
        : {}),
      ocrStatus: 'pending',
      createdAt: now,
    });
  });
  return page.sequence;
}
