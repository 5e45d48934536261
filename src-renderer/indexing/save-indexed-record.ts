import type { RecordFields } from '../../src-shared/domain/record-fields';
import type { StationSettings } from '../../src-shared/domain/settings';
import { foldText } from '../../src-shared/domain/text-fold';
import { db } from '../db/database';
import type { RecordRow } from '../db/rows';
import { refreshRecordTerms } from '../search/record-terms';
import { issueRecordCode } from './issue-code';

/** Another local record of the same owner with the same document number, if any. */
export async function findDuplicate(recordId: string, fields: RecordFields): Promise<RecordRow | undefined> {
  if (!fields.documentNumber || !fields.ownerIdNumber) return undefined;
  const number = fields.documentNumber.trim().toUpperCase();
  return db.records
    .where('ownerIdNumber')
    .equals(fields.ownerIdNumber)
    .filter((record) => record.id !== recordId && record.documentNumber === number)
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
  await db.records.update(recordId, {
    fields,
    status: 'indexed',
    ownerName: fields.ownerName,
    ownerNameFolded: fields.ownerName ? foldText(fields.ownerName) : undefined,
    ownerIdNumber: fields.ownerIdNumber || fields.ownerTaxCode || undefined,
    documentNumber,
    procedureCode: fields.procedureCode || undefined,
    updatedAt: Date.now(),
  });
  const code = await issueRecordCode(recordId, settings);
  await refreshRecordTerms(recordId);
  return code;
}
