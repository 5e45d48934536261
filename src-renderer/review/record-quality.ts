import type { RecordFields } from '../../src-shared/domain/record-fields';
import type { StationSettings } from '../../src-shared/domain/settings';
import { qualityFlags, type QualityFlag } from '../../src-shared/review/quality-flags';
import { db } from '../db/database';
import { pagesOfRecord } from '../db/record-pages';
import { findDuplicate } from '../indexing/save-indexed-record';

/**
 * The quality flags of a record from what IndexedDB holds of it: its pages, their OCR, its
 * signed file and any local twin. `signatureValid` is the verification's answer once the
 * review screen has asked main (null until then).
 */
export async function recordQuality(
  recordId: string,
  settings: StationSettings,
  signatureValid: boolean | null = null,
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
    duplicateOf: twin?.code ?? twin?.id ?? null,
    today: new Date().toISOString().slice(0, 10),
    lowOcrConfidence: settings.review.lowOcrConfidence,
  });
}
