import type { RecordFields } from '../../src-shared/domain/record-fields';
import type { StationSettings } from '../../src-shared/domain/settings';
import { isEditable } from '../../src-shared/domain/record-status';
import { foldText } from '../../src-shared/domain/text-fold';
import { AppError } from '../../src-shared/errors/app-error';
import { appendAudit } from '../audit/audit-log';
import { db } from '../db/database';
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
  await db.transaction('rw', db.records, db.audit, async () => {
    const record = await db.records.get(recordId);
    if (!record) throw new AppError('records.notFound', { detail: recordId });
    // A signed record is immutable: a change is a correction (a new version).
    if (!isEditable(record.status)) throw new AppError('records.notEditable', { detail: record.status });
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
    await appendAudit('index', { recordId, batchId: record.batchId, before: record.fields, after: fields });
  });
  const code = await issueRecordCode(recordId, settings);
  await refreshRecordTerms(recordId);
  return code;
}
