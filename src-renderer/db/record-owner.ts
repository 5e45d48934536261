import type { RecordRow } from './rows';

/**
 * Whom a record is about, as far as it is known yet: its indexed owner, else the owner a cover
 * sheet (or the clerk's draft fields) named before indexing. How the clerk recognises a dossier.
 */
export const ownerOfRecord = (record: Pick<RecordRow, 'ownerName' | 'fields'>): string | undefined =>
  record.ownerName ||
  (typeof record.fields.ownerName === 'string' && record.fields.ownerName
    ? record.fields.ownerName
    : undefined);
