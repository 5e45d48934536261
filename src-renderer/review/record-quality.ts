import type { RecordFields } from '../../src-shared/domain/record-fields';
import type { StationSettings } from '../../src-shared/domain/settings';
import { qualityFlags, type QualityFlag } from '../../src-shared/review/quality-flags';
import { db } from '../db/database';
import { pagesOfRecord } from '../db/record-pages';
import { findDuplicate } from '../indexing/save-indexed-record';
import { lookupCentral } from '../lookup/central-lookup';
import { vietnamDay } from '../../src-shared/domain/vietnam-day';

/**
 * A twin on SoHoa Central: another record of the same owner with the same document number,
 * digitized at any station (not a version of this one). Null when Central cannot be asked.
 */
export async function centralTwin(recordId: string): Promise<string | null> {
  const record = await db.records.get(recordId);
  const owner = record?.ownerIdNumber;
  if (!record || !owner || !record.documentNumber) return null;
  const { records: found } = await lookupCentral(owner);
  const versions = new Set([
    record.code,
    record.supersedes && (await db.records.get(record.supersedes))?.code,
  ]);
  const twin = found?.find(
    (each) =>
      !versions.has(each.receipt.code) &&
      each.supersededBy === null &&
      each.meta.fields.documentNumber?.toUpperCase() === record.documentNumber,
  );
  return twin?.receipt.code ?? null;
}

/**
 * The quality flags of a record from what IndexedDB holds of it: its pages, their OCR, its
 * signed file and any local twin (or `central`, a twin SoHoa Central holds). `signatureValid`
 * is the verification's answer once the review screen has asked main (null until then).
 */
export async function recordQuality(
  recordId: string,
  settings: StationSettings,
  signatureValid: boolean | null = null,
  central: string | null = null,
): Promise<QualityFlag[]> {
  const record = await db.records.get(recordId);
  if (!record) return [];
  const fields = record.fields as RecordFields;
  const pages = await pagesOfRecord(recordId);
  const texts = await db.pageTexts.bulkGet(pages.map((page) => page.id));
  const document = await db.documents.get(recordId);
  const twin = await findDuplicate(recordId, fields);
  return qualityFlags({
    fields,
    pages,
    ocrConfidences: texts.flatMap((text) => (text?.confidence === undefined ? [] : [text.confidence])),
    signature: document ? { present: true, valid: signatureValid } : { present: false },
    duplicateOf: twin?.code ?? twin?.id ?? central,
    today: vietnamDay(),
    lowOcrConfidence: settings.review.lowOcrConfidence,
  });
}
