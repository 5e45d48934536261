import { db } from '../db/database';

const DAY = 24 * 3600_000;

/**
 * Retention: a synced record's signed PDF is deleted locally `days` after Central's
 * receipt (0 keeps everything). Its fields, pages and search terms stay, and Central has
 * the file. Returns how many files were pruned.
 */
export async function pruneSyncedDocuments(days: number, now = Date.now()): Promise<number> {
  if (days <= 0) return 0;
  const synced = await db.records.where('status').anyOf('synced', 'superseded').toArray();
  const due = synced
    .filter((record) => record.sync && now - record.sync.at >= days * DAY)
    .map((record) => record.id);
  let pruned = 0;
  await db.transaction('rw', db.documents, async () => {
    for (const document of await db.documents.bulkGet(due)) {
      if (!document?.pdf) continue;
      await db.documents.put({ ...document, pdf: undefined, prunedAt: now });
      pruned += 1;
    }
  });
  return pruned;
}
