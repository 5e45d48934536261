import type { RecordFields } from '../../src-shared/domain/record-fields';
import type { StationSettings } from '../../src-shared/domain/settings';
import { foldText } from '../../src-shared/domain/text-fold';
import { db } from '../db/database';
import { editableRecord, GATE_TABLES, transitionRecord } from '../db/record-transition';
import type { RecordRow } from '../db/rows';
import { refreshRecordTerms } from '../search/record-terms';
import { issueRecordCode } from './issue-code';

/**
 * Another local record of the same owner with the same document number, if any. The record a
 * correction replaces, and records already superseded, are versions of it, not duplicates.
 */
export async function findDuplicate(recordId: string, fields: RecordFields): Promise<RecordRow | undefined> {
  if (!fields.documentNumber || !fields.ownerIdNumber) return undefined;
  const number = fields.documentNumber.trim().toUpperCase();
  const replaces = (await db.records.get(recordId))?.supersedes;
  return db.records
    .where('ownerIdNumber')
    .equals(fields.ownerIdNumber)
    .filter(
      (record) =>
        record.id !== recordId &&
        record.id !== replaces &&
        record.status !== 'superseded' &&
        record.documentNumber === number,
    )
    .first();
}

/**
 * Saves the clerk's fields as the record's index (the searchable copies beside them) and
 * marks it indexed; then gives it its code if it has none. Returns the code.
 */
export async function saveIndexedRecord(
  recordId: string,
  fields: RecordFields,
  settings: StationSettings,
): Promise<string> {
  const documentNumber = fields.documentNumber?.trim().toUpperCase();
  await db.transaction('rw', GATE_TABLES(), async () => {
    // A signed record is immutable: a change is a correction (a new version).
    const record = await editableRecord(recordId);
    await transitionRecord(recordId, 'indexed', {
      patch: {
        fields,
        ownerName: fields.ownerName,
        ownerNameFolded: fields.ownerName ? foldText(fields.ownerName) : undefined,
        ownerIdNumber: fields.ownerIdNumber || fields.ownerTaxCode || undefined,
        documentNumber,
        procedureCode: fields.procedureCode || undefined,
        // Saved: the form is the record again.
        draft: undefined,
      },
      audit: { action: 'index', details: { batchId: record.batchId, before: record.fields, after: fields } },
    });
  });
  const code = await issueRecordCode(recordId, settings);
  await refreshRecordTerms(recordId);
  return code;
}
