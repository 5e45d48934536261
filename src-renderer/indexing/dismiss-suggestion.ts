import type { SuggestedField } from '../../src-shared/indexing/field-suggestions';
import { db } from '../db/database';

/**
 * The clerk says a suggestion is wrong: kept with the record, so reopening it, a reload or
 * accept-all never brings that value back (another value read for the field still may).
 */
export async function dismissSuggestion(
  recordId: string,
  field: SuggestedField,
  value: string,
): Promise<void> {
  await db.transaction('rw', db.records, async () => {
    const record = await db.records.get(recordId);
    if (!record) return;
    await db.records.update(recordId, {
      dismissedSuggestions: { ...record.dismissedSuggestions, [field]: value },
    });
  });
}
