import type { RecordFields } from '../../src-shared/domain/record-fields';
import { recordTerms } from '../../src-shared/indexing/search-terms';
import { db } from '../db/database';
import { pagesOfRecord } from '../db/record-pages';

/** Recomputes a record's search terms from its fields and its pages' OCR text. */
export async function refreshRecordTerms(recordId: string): Promise<void> {
  await db.transaction('rw', db.records, db.pages, db.pageTexts, db.recordTerms, async () => {
    const record = await db.records.get(recordId);
    if (!record) {
      await db.recordTerms.delete(recordId);
      return;
    }
    const pages = await pagesOfRecord(recordId);
    const texts = await db.pageTexts.bulkGet(pages.map((page) => page.id));
    const fields = record.fields as RecordFields;
    const terms = recordTerms({
      code: record.code,
      identifiers: [
        record.ownerIdNumber,
        record.documentNumber,
        record.procedureCode,
        fields.ownerTaxCode,
        fields.dossierCode,
        // Where the paper lies: a box or an archive reference is typed whole.
        fields.box,
        fields.shelf,
        fields.archiveReference,
      ],
      fieldTexts: [record.ownerName, fields.issuingAgency, fields.signerName, record.captureLabel],
      pageTexts: texts.map((text) => text?.text ?? ''),
    });
    await db.recordTerms.put({ recordId, terms });
  });
}
