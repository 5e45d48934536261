import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES, type Procedure } from '../../../src-shared/domain/procedure-catalogue';
import { catalogueConflict, catalogueFill, usualExpiry } from '../../../src-shared/indexing/catalogue-fill';

const procedure = (code: string): Procedure => SEED_PROCEDURES.find((each) => each.code === code)!;
const decision = procedure('1.001257'); // a decision, no end date, department NCC
const permit = procedure('1.000459'); // a licence of 24 months, department VLATLD
const leasing = procedure('1.009873'); // a licence of 60 months

describe('what the procedure catalogue fills in', () => {
  it('fills the empty result type, department and "no end date" of a result without one', () => {
    expect(catalogueFill(decision, {})).toEqual({
      resultType: 'decision',
      departmentCode: 'NCC',
      indefinite: true,
    });
    // A licence that runs out gets no "no end date".
    expect(catalogueFill(permit, {})).toEqual({ resultType: 'licence', departmentCode: 'VLATLD' });
  });

  it('never overwrites what the form already holds', () => {
    expect(
      catalogueFill(decision, {
        resultType: 'certificate',
        departmentCode: 'BTXH',
        expiryDate: '01/01/2030',
      }),
    ).toEqual({});
    expect(catalogueFill(decision, { indefinite: true })).toEqual({
      resultType: 'decision',
      departmentCode: 'NCC',
    });
  });

  it('flags an end date suggested for a result the catalogue says has none, and nothing else', () => {
    expect(catalogueConflict('expiryDate', decision)).toBe('noEndDate');
    expect(catalogueConflict('expiryDate', permit)).toBeNull();
    expect(catalogueConflict('expiryDate', undefined)).toBeNull();
    expect(catalogueConflict('issueDate', decision)).toBeNull();
  });

  it('counts the usual term in months to the same day, or the last day of a shorter month', () => {
    expect(usualExpiry(permit, '2025-03-15')).toBe('2027-03-15');
    expect(usualExpiry(leasing, '2024-02-29')).toBe('2029-02-28');
    expect(usualExpiry({ ...permit, validityMonths: 6 }, '2025-08-31')).toBe('2026-02-28');
    expect(usualExpiry({ ...permit, validityMonths: 6 }, '2027-08-31')).toBe('2028-02-29');
    expect(usualExpiry({ ...permit, validityMonths: 13 }, '2025-12-10')).toBe('2027-01-10');
    // No term, no procedure, or no effective date: nothing to count.
    expect(usualExpiry(decision, '2025-03-15')).toBeNull();
    expect(usualExpiry(undefined, '2025-03-15')).toBeNull();
    expect(usualExpiry(permit, undefined)).toBeNull();
  });

  it('flags an end date past the usual term, and never a shorter term', () => {
    const effectiveDate = '2025-03-15';
    expect(catalogueConflict('expiryDate', permit, { value: '2027-03-16', effectiveDate })).toBe(
      'longerThanUsual',
    );
    expect(catalogueConflict('expiryDate', permit, { value: '2027-03-15', effectiveDate })).toBeNull();
    expect(catalogueConflict('expiryDate', permit, { value: '2026-03-14', effectiveDate })).toBeNull();
    // Without the effective date the term cannot be weighed.
    expect(catalogueConflict('expiryDate', permit, { value: '2040-01-01' })).toBeNull();
  });
});
