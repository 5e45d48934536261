import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeChange, type Translate } from '../../../src-shared/audit/describe-change';
import { en } from '../../../src-shared/i18n/en';
import { vi } from '../../../src-shared/i18n/vi';

describe('the audit trail says each change as a sentence', () => {
  let inVietnamese: Translate;
  let inEnglish: Translate;
  beforeAll(async () => {
    const make = async (lng: string, messages: object): Promise<Translate> => {
      const instance = i18next.createInstance();
      await instance.init({
        lng,
        resources: { [lng]: { translation: messages } },
        interpolation: { escapeValue: false },
      });
      return { t: (key, options) => instance.t(key, options), exists: (key) => instance.exists(key) };
    };
    inVietnamese = await make('vi', vi);
    inEnglish = await make('en', en);
  });

  it('labels the fields that changed at indexing, dates as dd/mm/yyyy, and leaves the rest out', () => {
    const before = { ownerName: 'Nguyễn Văn A', issueDate: '2022-02-03', documentNumber: '1/QĐ' };
    const after = { ownerName: 'Nguyễn Văn Ánh', issueDate: '2022-02-04', documentNumber: '1/QĐ' };
    expect(describeChange(before, after, inVietnamese)).toBe(
      'Họ tên / tên tổ chức: Nguyễn Văn A → Nguyễn Văn Ánh; Ngày ban hành: 03/02/2022 → 04/02/2022',
    );
    expect(describeChange(undefined, { indefinite: true }, inEnglish)).toMatch(/: Yes$/);
  });

  it('gives an error code its message and leaves run ids out, instead of raw JSON', () => {
    const text = describeChange(
      undefined,
      { run: '3f2b7c1e-8a4d-4c2b-9e1f-0a1b2c3d4e5f', items: 2, failure: 'import.unsupportedType' },
      inVietnamese,
    );
    expect(text).toMatch(/^Số trang: 2; Sự cố: /);
    expect(text).not.toContain('3f2b7c1e');
    expect(text).not.toContain('import.unsupportedType');
    expect(text).not.toContain('{');
  });

  it('says codes for words as words: a result type, an owner kind, a reason for sending back', () => {
    expect(describeChange({}, { resultType: 'decision', ownerKind: 'person' }, inVietnamese)).toBe(
      'Loại kết quả: — → Quyết định; Chủ thể: — → Cá nhân',
    );
    expect(describeChange(undefined, { reason: { code: 'imageQuality' } }, inVietnamese)).toBe(
      'Lý do: Mã: Ảnh quét mờ, lệch hoặc bị cắt',
    );
  });

  it('says what was removed', () => {
    expect(describeChange({ profile: { name: 'Hộp 12' } }, null, inVietnamese)).toBe(
      'Cấu hình quét: Tên: Hộp 12 → đã xóa',
    );
  });

  it("labels an inventory count's columns and shows Central's moments as the station's", () => {
    const text = describeChange(
      undefined,
      {
        counts: 1,
        first: {
          departmentCode: 'NCC',
          procedureCode: '1.001257',
          count: 6,
          countedAt: '2026-12-04',
          note: '',
        },
        storedAt: '2026-12-03T17:44:05.520Z',
      },
      inEnglish,
    );
    expect(text).toMatch(
      /^Inventory rows: 1; First row: Department: NCC; Procedure code: 1\.001257; Results: 6; Counted on: 04\/12\/2026; Stored at: \d{2}\/12\/2026 \d{2}:\d{2}$/,
    );
    expect(text).not.toMatch(/[a-z][A-Z]/);
  });
});
