import { AppError } from '../../src-shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
import {
  addRecord,
  editableRecord,
  GATE_TABLES,
  removeRecord,
  transitionRecord,
} from '../db/record-transition';
import { pagesOfRecord } from '../db/record-pages';
import type { PageRotation } from '../db/rows';
import { refreshRecordTerms } from '../search/record-terms';

/**
 * What the clerk does to pages on the capture screen: turn, remove, move, split a record
 * in two, merge two records. Each edit is one transaction and leaves the record's page
 * indexes 0…n−1 in the clerk's order. Stored images are never re-encoded: a turn is
 * recorded and applied when the page is shown and when the PDF is built.
 */

/** Writes `pageIds` as the record's pages in this order, and the record's status to match. */
async function writeOrder(recordId: string, pageIds: readonly string[]): Promise<void> {
  await Promise.all(pageIds.map((id, index) => db.pages.update(id, { recordId, index })));
  const record = await editableRecord(recordId);
  // A record without pages is a draft; an indexed one keeps its status: its fields still hold.
  const next = pageIds.length === 0 ? 'draft' : record.status === 'indexed' ? 'indexed' : 'captured';
  await transitionRecord(recordId, next);
}

/** Originals follow their pages: each goes to the record that holds its rendered pages. */
async function settleOriginals(recordIds: readonly string[]): Promise<void> {
  const originals = await db.originals.where('recordId').anyOf(recordIds).toArray();
  for (const original of originals) {
    const page = await db.pages.where('originalId').equals(original.id).first();
    if (page && page.recordId !== original.recordId)
      await db.originals.update(original.id, { recordId: page.recordId });
  }
}

export async function rotatePage(pageId: string, quarterTurns: 1 | -1): Promise<void> {
  await db.transaction('rw', [db.pages, ...GATE_TABLES()], async () => {
    const page = await db.pages.get(pageId);
    if (!page) return;
    await editableRecord(page.recordId);
    const rotation = (((page.rotation + quarterTurns * 90) % 360) + 360) % 360;
    await db.pages.update(pageId, { rotation: rotation as PageRotation });
    await appendAudit('edit', {
      recordId: page.recordId,
      before: { page: page.index + 1, rotation: page.rotation },
      after: { page: page.index + 1, rotation },
    });
  });
}

/** Removes a page. A rendered page of a born-digital original stays: the original is whole. */
export async function deletePage(pageId: string): Promise<void> {
  const recordId = (await db.pages.get(pageId))?.recordId;
  await db.transaction('rw', [db.pages, ...GATE_TABLES()], async () => {
    const page = await db.pages.get(pageId);
    if (!page) return;
    await editableRecord(page.recordId);
    if (page.originalId) throw new AppError('records.notEditable', { detail: 'page of an original' });
    await db.pages.delete(pageId);
    await writeOrder(
      page.recordId,
      (await pagesOfRecord(page.recordId)).map((remaining) => remaining.id),
    );
    await appendAudit('delete', {
      recordId: page.recordId,
      before: { page: page.index + 1, sha256: page.sha256 },
    });
  });
  if (recordId) await refreshRecordTerms(recordId);
}

/** Moves a page to `toIndex` (0-based) within its record. */
export async function movePage(pageId: string, toIndex: number): Promise<void> {
  await db.transaction('rw', [db.pages, ...GATE_TABLES()], async () => {
    const page = await db.pages.get(pageId);
    if (!page) return;
    await editableRecord(page.recordId);
    const ids = (await pagesOfRecord(page.recordId)).map((each) => each.id).filter((id) => id !== pageId);
    ids.splice(Math.max(0, Math.min(toIndex, ids.length)), 0, pageId);
    await writeOrder(page.recordId, ids);
    await appendAudit('edit', {
      recordId: page.recordId,
      before: { page: page.index + 1 },
      after: { page: ids.indexOf(pageId) + 1 },
    });
  });
}

/**
 * Splits a record before `pageId`: that page and the ones after it become a new record,
 * which is returned. Splitting before the first page changes nothing.
 */
export async function splitBefore(pageId: string, userId: string): Promise<string | null> {
  const recordId = (await db.pages.get(pageId))?.recordId;
  const tables = [db.pages, db.originals, ...GATE_TABLES()];
  const created = await db.transaction('rw', tables, async () => {
    const page = await db.pages.get(pageId);
    if (!page) return null;
    const record = await editableRecord(page.recordId);
    const pages = await pagesOfRecord(record.id);
    const at = pages.findIndex((each) => each.id === pageId);
    if (at <= 0) return null;
    const id = crypto.randomUUID();
    const now = Date.now();
    await addRecord({
      id,
      status: 'captured',
      fields: {},
      captureLabel: record.captureLabel,
      batchId: record.batchId,
      createdBy: userId,
      createdAt: now,
      updatedAt: now,
    });
    await writeOrder(
      record.id,
      pages.slice(0, at).map((each) => each.id),
    );
    await writeOrder(
      id,
      pages.slice(at).map((each) => each.id),
    );
    await settleOriginals([record.id, id]);
    await appendAudit('edit', {
      recordId: record.id,
      batchId: record.batchId,
      before: { pages: pages.length },
      after: { pages: at, splitInto: id },
    });
    return id;
  });
  // Each half is found by its own words now.
  for (const id of [recordId, created]) if (id) await refreshRecordTerms(id);
  return created;
}

/**
 * Splits a record before each of `pageIds` (pages of one record, in its order): each part
 * becomes a record of its own, in that order. Returns the new records' ids.
 */
export async function splitBeforeEach(pageIds: readonly string[], userId: string): Promise<string[]> {
  const created: string[] = [];
  // In page order: each split leaves the next page at the head of what it just made.
  for (const pageId of pageIds) {
    const id = await splitBefore(pageId, userId);
    if (id) created.push(id);
  }
  return created;
}

/**
 * Appends the pages (and originals) of `sourceId` to `targetId` and removes the emptied
 * source; fields the target lacks are taken from the source.
 */
export async function mergeRecords(targetId: string, sourceId: string): Promise<void> {
  if (targetId === sourceId) return;
  await db.transaction('rw', [db.pages, db.originals, ...GATE_TABLES()], async () => {
    const target = await editableRecord(targetId);
    const source = await editableRecord(sourceId);
    // What either record already knew stays (a cover's fields, typed values); the target's first.
    const fields = { ...source.fields, ...target.fields };
    const coverReference = target.coverReference ?? source.coverReference;
    if (
      Object.keys(fields).length > Object.keys(target.fields).length ||
      coverReference !== target.coverReference
    ) {
      await db.records.update(targetId, {
        fields,
        ...(coverReference ? { coverReference } : {}),
        updatedAt: Date.now(),
      });
    }
    const ids = [...(await pagesOfRecord(targetId)), ...(await pagesOfRecord(sourceId))].map(
      (each) => each.id,
    );
    await writeOrder(targetId, ids);
    await db.originals.where('recordId').equals(sourceId).modify({ recordId: targetId });
    await removeRecord(sourceId);
    await appendAudit('edit', { recordId: targetId, after: { pages: ids.length, mergedFrom: sourceId } });
  });
  await refreshRecordTerms(targetId);
  await refreshRecordTerms(sourceId);
}

/** Removes a record that has no pages left (a draft the clerk no longer needs). */
export async function deleteEmptyRecord(recordId: string): Promise<void> {
  await db.transaction('rw', [db.pages, db.originals, ...GATE_TABLES()], async () => {
    const record = await editableRecord(recordId);
    if ((await db.pages.where('recordId').equals(recordId).count()) > 0) return;
    await db.originals.where('recordId').equals(recordId).delete();
    await removeRecord(recordId, { action: 'delete', details: { batchId: record.batchId } });
  });
}
