import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src-renderer/db/database';
import type { RecordRow } from '../../../src-renderer/db/rows';
import { refreshRecordTerms } from '../../../src-renderer/search/record-terms';
import { searchRecords } from '../../../src-renderer/search/search-records';
import { foldText } from '../../../src-shared/domain/text-fold';

const record = (id: string, fields: Partial<RecordRow>): RecordRow => ({
  id,
  status: 'indexed',
  fields: {},
  createdBy: 'u',
  createdAt: 1,
  updatedAt: 1,
  ...fields,
  ...(fields.ownerName ? { ownerNameFolded: foldText(fields.ownerName) } : {}),
});

const found = async (query: string) => (await searchRecords(query)).map((each) => each.id).sort();

describe('local search', () => {
  beforeAll(async () => {
    await Promise.all([db.records.clear(), db.recordTerms.clear(), db.pages.clear(), db.pageTexts.clear()]);
    await db.records.bulkAdd([
      record('anh', {
        ownerName: 'Nguyễn Văn Ánh',
        ownerIdNumber: '087095000123',
        documentNumber: '1317/QĐ-SLĐTBXH',
        procedureCode: '1.001257',
        code: '000.00.12.H20.2026.001000001K',
      }),
      record('an', {
        ownerName: 'Nguyễn Văn An',
        documentNumber: '25/GCN-SLĐTBXH',
        fields: { box: 'H-07', shelf: 'K2', dossierCode: '000.00.12.H20-241105-0042' },
      }),
      record('binh', { ownerName: 'Trần Văn Bình', fields: { box: 'H-17', archiveReference: 'LT-2019/44' } }),
      record('kim', {
        ownerName: 'KIM MIN-JUN',
        documentNumber: '908/GPLĐ-SLĐTBXH',
        procedureCode: '1.000459',
      }),
    ]);
    await db.pages.add({
      id: 'p1',
      recordId: 'kim',
      index: 0,
      image: new Blob(['x']),
      thumbnail: new Blob(['x']),
      mimeType: 'image/jpeg',
      widthPx: 10,
      heightPx: 10,
      dpi: 300,
      lowDpi: false,
      sha256: 'a'.repeat(64),
      blank: false,
      origin: 'r:1',
      rotation: 0,
      ocrStatus: 'done',
      createdAt: 1,
    });
    await db.pageTexts.put({
      pageId: 'p1',
      text: 'Làm việc tại: Công ty TNHH Điện tử Sông Tiền, thời hạn từ ngày 04/01/2019',
    });
    for (const id of ['anh', 'an', 'kim', 'binh']) await refreshRecordTerms(id);
  });

  it('finds an owner by name, folding diacritics and case', async () => {
    expect(await found('nguyen van anh')).toEqual(['anh']);
    expect(await found('NGUYỄN VĂN')).toEqual(['an', 'anh']);
  });

  it('finds by code, ID number, document number and procedure', async () => {
    expect(await found('000.00.12.h20.2026.001000001k')).toEqual(['anh']);
    expect(await found('087095000123')).toEqual(['anh']);
    expect(await found('1317/qđ')).toEqual(['anh']);
    expect(await found('1.000459')).toEqual(['kim']);
  });

  it('finds where the paper lies and the one-stop dossier code, each typed whole', async () => {
    expect(await found('H-07')).toEqual(['an']);
    expect(await found('h-17')).toEqual(['binh']);
    expect(await found('LT-2019/44')).toEqual(['binh']);
    expect(await found('000.00.12.H20-241105-0042')).toEqual(['an']);
  });

  it('finds words of the OCR text, every word of the query required', async () => {
    expect(await found('song tien')).toEqual(['kim']);
    expect(await found('dien tu')).toEqual(['kim']);
    expect(await found('song tien nguyen')).toEqual([]);
    expect(await found('khong co')).toEqual([]);
    expect(await found('a')).toEqual([]);
  });

  it('checks common words against the terms when their index range is longer than it reads', async () => {
    // 2 500 decisions share "quyet" and "dinh"; every fifth also has "luong"; three are "hiem".
    const ids = Array.from({ length: 2500 }, (_, index) => `q${index}`);
    await db.records.bulkAdd(ids.map((id) => record(id, {})));
    await db.recordTerms.bulkPut(
      ids.map((id, index) => ({
        recordId: id,
        terms: [
          'quyet',
          'dinh',
          ...(index % 5 === 0 ? ['luong'] : []),
          ...(index === 7 || index === 1500 || index === 2499 ? ['hiem'] : []),
        ],
      })),
    );
    // A rare word with a common one: exactly its records that also have the common word.
    expect(await found('hiem quyet')).toEqual(['q1500', 'q2499', 'q7']);
    // Two common words (neither read whole): 50 results, each holding both.
    const both = await found('luong quyet');
    expect(both).toHaveLength(50);
    expect(both.every((id) => Number(id.slice(1)) % 5 === 0)).toBe(true);
    // Two lists read whole: their intersection, without reading any terms.
    expect(await found('luong hiem')).toEqual(['q1500']);
  });
});
