import { describe, expect, it } from 'vitest';
import { qualityFlags, type QualityInput } from '../../../src-shared/review/quality-flags';

/** A clean record: every flag below is caused by one change to it. */
const clean = (): QualityInput => ({
  fields: {
    resultType: 'decision',
    documentNumber: '49/QĐ-SLĐTBXH',
    issueDate: '2022-04-25',
    issuingAgency: 'Sở Lao động – Thương binh và Xã hội tỉnh Đồng Tháp',
    ownerName: 'Nguyễn Văn Ánh',
    ownerIdNumber: '087085001234',
    ownerBirthDate: '1985-03-09',
    effectiveDate: '2022-04-25',
    indefinite: true,
  },
  pages: [
    { blank: false, lowDpi: false },
    { blank: false, lowDpi: false },
  ],
  ocrConfidences: [91, 88],
  signature: { present: true, valid: true },
  duplicateOf: null,
  today: '2026-12-01',
  lowOcrConfidence: 60,
});

const kinds = (input: QualityInput) => qualityFlags(input).map((flag) => flag.kind);

describe('quality flags for the supervisor', () => {
  it('flags nothing on a clean record', () => {
    expect(qualityFlags(clean())).toEqual([]);
  });

  it('counts blank and low-dpi pages', () => {
    const input = clean();
    input.pages = [
      { blank: true, lowDpi: false },
      { blank: true, lowDpi: true },
      { blank: false, lowDpi: false },
    ];
    expect(qualityFlags(input)).toEqual([
      { kind: 'blankPages', count: 2 },
      { kind: 'lowDpi', count: 1 },
    ]);
  });

  it('flags missing required fields and an invalid ID number', () => {
    const input = clean();
    delete input.fields.issuingAgency;
    delete input.fields.documentNumber;
    expect(qualityFlags(input)).toEqual([{ kind: 'missingFields', count: 2 }]);
    // Born 1985 by its digits, 1990 by the form: the number does not agree.
    expect(kinds({ ...clean(), fields: { ...clean().fields, ownerBirthDate: '1990-01-01' } })).toEqual([
      'invalidIdNumber',
    ]);
    expect(kinds({ ...clean(), fields: { ...clean().fields, ownerIdNumber: '999085001234' } })).toEqual([
      'invalidIdNumber',
    ]);
    // An organisation is checked by its tax code, not a personal number.
    expect(
      kinds({
        ...clean(),
        fields: { ...clean().fields, ownerKind: 'organisation', ownerTaxCode: '1400123456' },
      }),
    ).toEqual([]);
  });

  it('flags a duplicate and an expired result', () => {
    expect(kinds({ ...clean(), duplicateOf: '000.00.12.H20.2026.005000002Y' })).toEqual(['duplicate']);
    const expired = {
      ...clean().fields,
      indefinite: false,
      expiryDate: '2024-04-25',
      resultType: 'licence' as const,
    };
    expect(kinds({ ...clean(), fields: expired })).toEqual(['expired']);
    expect(kinds({ ...clean(), fields: { ...expired, expiryDate: '2026-12-01' } })).toEqual([]);
  });

  it('flags an unsigned record and an invalid signature, not one still being checked', () => {
    expect(kinds({ ...clean(), signature: { present: false } })).toEqual(['unsigned']);
    expect(kinds({ ...clean(), signature: { present: true, valid: false } })).toEqual(['signatureInvalid']);
    expect(kinds({ ...clean(), signature: { present: true, valid: null } })).toEqual([]);
  });

  it('counts pages read with low OCR confidence, at the configured threshold', () => {
    expect(qualityFlags({ ...clean(), ocrConfidences: [59.9, 60, 35] })).toEqual([
      { kind: 'lowOcrConfidence', count: 2 },
    ]);
    expect(kinds({ ...clean(), ocrConfidences: [59.9], lowOcrConfidence: 50 })).toEqual([]);
  });
});
