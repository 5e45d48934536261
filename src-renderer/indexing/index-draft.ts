import { db } from '../db/database';
import type { RecordRow } from '../db/rows';

/** Only records still being indexed keep a draft; a signed one changes by correction. */
const DRAFTABLE: ReadonlySet<RecordRow['status']> = new Set(['captured', 'indexed']);

/**
 * The indexing form as the clerk has it now, kept with the record: a closed window, a reload
 * or another record opened in between loses nothing typed or accepted.
 */
export async function keepDraft(
  recordId: string,
  values: Record<string, string | boolean | undefined>,
): Promise<void> {
  await db.transaction('rw', db.records, async () => {
    const record = await db.records.get(recordId);
    if (!record || !DRAFTABLE.has(record.status)) return;
    await db.records.update(recordId, { draft: { values, at: Date.now() } });
  });
}
