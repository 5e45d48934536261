import { describe, expect, it } from 'vitest';
import { checkRecordFields, type RecordFields } from '../../../src-shared/domain/record-fields';

const now = new Date('2026-11-24T10:00:00Z');
const decision: RecordFields = {
  resultType: 'decision',
  documentNumber: '1317/QĐ-SLĐTBXH',
  issueDate: '2022-02-03',
  issuingAgency: 'SỞ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI',
  ownerName: 'Nguyễn Văn Ánh',
  ownerIdNumber: '087059760822',
  ownerBirthDate: '1959-03-09',
  effectiveDate: '2022-02-03',
};
const problems = (fields: RecordFields) =>
  checkRecordFields(fields, now).map(({ field, problem }) => `${field}:${problem}`);

describe('checking a record before it is saved', () => {
  it('accepts a complete decision', () => {
    expect(problems(decision)).toEqual([]);
  });

  it('asks for the fields every result needs, and the tax code of an organisation', () => {
    expect(problems({})).toEqual([
      'resultType:required',
      'documentNumber:required',
      'issueDate:required',
      'issuingAgency:required',
      'ownerName:required',
      'effectiveDate:required',
      'ownerIdNumber:required',
    ]);
    expect(problems({ ...decision, ownerKind: 'organisation', ownerIdNumber: undefined })).toEqual([
      'ownerTaxCode:required',
    ]);
    expect(problems({ ...decision, ownerKind: 'organisation', ownerTaxCode: '12345' })).toEqual([
      'ownerTaxCode:taxCode',
    ]);
  });

  it('checks the ID number against the date of birth', () => {
    expect(problems({ ...decision, ownerBirthDate: '2001-03-09' })).toEqual([
      'ownerIdNumber:identity.birthYearMismatch',
    ]);
    expect(problems({ ...decision, ownerIdNumber: '003059760822' })).toEqual([
      'ownerIdNumber:identity.unknownProvince',
    ]);
    expect(problems({ ...decision, ownerIdNumber: '08705976082' })).toEqual([
      'ownerIdNumber:identity.format',
    ]);
  });

  it("takes a foreign worker's passport number and nationality instead of a personal ID", () => {
    const permit: RecordFields = {
      ...decision,
      resultType: 'licence',
      ownerName: 'KIM MIN-JUN',
      ownerIdKind: 'passport',
      ownerIdNumber: 'M37290827',
      ownerNationality: 'Hàn Quốc',
      ownerBirthDate: '1996-03-17',
      expiryDate: '2024-02-03',
    };
    expect(problems(permit)).toEqual([]);
    // A personal ID's rules do not apply to it, a passport's do; the nationality is needed.
    expect(problems({ ...permit, ownerIdNumber: 'M3729 0827', ownerNationality: '' })).toEqual([
      'ownerNationality:required',
      'ownerIdNumber:passport',
    ]);
    expect(problems({ ...permit, ownerIdNumber: 'KHONGCO' })).toEqual(['ownerIdNumber:passport']);
    // Read as a personal ID, the same number is wrong.
    expect(problems({ ...permit, ownerIdKind: 'personal' })).toEqual(['ownerIdNumber:identity.format']);
  });

  it('keeps dates in order: born before issue, issued by today, expiry after start and issue', () => {
    expect(problems({ ...decision, issueDate: '2027-01-01' })).toEqual(['issueDate:inFuture']);
    // 06:30 in Ha Noi on 1 December is still 30 November in UTC: a decision signed that
    // morning is issued today, not in the future.
    const earlyMorning = new Date('2026-11-30T23:30:00Z');
    const signedThisMorning = { ...decision, issueDate: '2026-12-01', effectiveDate: '2026-12-01' };
    expect(checkRecordFields(signedThisMorning, earlyMorning)).toEqual([]);
    expect(checkRecordFields({ ...signedThisMorning, issueDate: '2026-12-02' }, earlyMorning)).toEqual([
      { field: 'issueDate', problem: 'inFuture' },
    ]);
    expect(problems({ ...decision, effectiveDate: '2022-03-01', expiryDate: '2022-02-01' })).toEqual([
      'expiryDate:expiryBeforeEffective',
      'expiryDate:expiryBeforeIssue',
    ]);
    expect(problems({ ...decision, ownerIdNumber: '087222760822', ownerBirthDate: '2022-05-01' })).toEqual([
      'ownerBirthDate:birthAfterIssue',
    ]);
  });

  it('wants an end date on a licence or a confirmation, unless it is marked indefinite', () => {
    expect(problems({ ...decision, resultType: 'confirmation' })).toEqual(['expiryDate:expiryOrIndefinite']);
    const licence = { ...decision, resultType: 'licence' as const };
    expect(problems(licence)).toEqual(['expiryDate:expiryOrIndefinite']);
    expect(problems({ ...licence, indefinite: true })).toEqual([]);
    expect(problems({ ...licence, expiryDate: '2024-02-03' })).toEqual([]);
  });
});

describe('the field table', () => {
  it('gives every field a label in both languages, and the lists it derives agree with it', async () => {
    const { RECORD_FIELDS, DATE_FIELDS, PERSON_FIELDS, REVIEW_FIELDS, SUGGESTED_FIELDS, recordFieldsSchema } =
      await import('../../../src-shared/domain/record-fields');
    const { vi } = await import('../../../src-shared/i18n/vi');
    const { en } = await import('../../../src-shared/i18n/en');
    for (const name of RECORD_FIELDS) {
      expect(vi.indexing.fields, name).toHaveProperty(name);
      expect(en.indexing.fields, name).toHaveProperty(name);
    }
    expect(Object.keys(recordFieldsSchema.shape)).toEqual(RECORD_FIELDS);
    expect(DATE_FIELDS).toEqual(['issueDate', 'ownerBirthDate', 'effectiveDate', 'expiryDate']);
    expect(PERSON_FIELDS).toEqual(['ownerIdKind', 'ownerIdNumber', 'ownerNationality', 'ownerBirthDate']);
    for (const name of [...REVIEW_FIELDS, ...SUGGESTED_FIELDS]) expect(RECORD_FIELDS).toContain(name);
    // The schema takes each field's own type: a date is a date, a kind one of its words.
    expect(recordFieldsSchema.safeParse({ issueDate: '03/02/2022' }).success).toBe(false);
    expect(recordFieldsSchema.safeParse({ ownerIdKind: 'visa' }).success).toBe(false);
    expect(recordFieldsSchema.safeParse({ ownerIdKind: 'passport', issueDate: '2022-02-03' }).success).toBe(
      true,
    );
  });
});
