import type { CapturedPage } from '../../src-shared/capture/capture-run';
import { db } from '../db/database';

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
};

/**
 * Stores a page of a scan run in IndexedDB, at the end of its record, in one transaction.
 * Keyed by run and sequence: a page handed out again after a reload is not stored twice.
 */
export async function storeCapturedPage(recordId: string, runId: string, page: CapturedPage): Promise<void> {
  const id = `${runId}:${page.sequence}`;
  await db.transaction('rw', db.pages, db.records, async () => {
    if (await db.pages.get(id)) return;
    const index = await db.pages.where('recordId').equals(recordId).count();
    const now = Date.now();
    await db.pages.add({
      id,
      origin: id,
      recordId,
      index,
      image: new Blob([bytesOf(page.imageBase64)], { type: page.mimeType }),
      thumbnail: new Blob([bytesOf(page.thumbnailBase64)], { type: 'image/jpeg' }),
      mimeType: page.mimeType,
      widthPx: page.widthPx,
      heightPx: page.heightPx,
      dpi: page.dpi,
      lowDpi: page.lowDpi,
      sha256: page.sha256,
      blank: page.blank,
      ocrStatus: 'pending',
      createdAt: now,
    });
    await db.records.update(recordId, { status: 'captured', updatedAt: now });
  });
}
