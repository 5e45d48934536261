import { describe, expect, it } from 'vitest';
import {
  checkIdentityNumber,
  isTaxCode,
  isValidIdentityNumber,
} from '../../../src-shared/domain/identity-number';

const today = new Date(2026, 10, 24);

describe('personal identification numbers', () => {
  it('reads province, sex and year of birth from a valid 12-digit number', () => {
    expect(checkIdentityNumber('087095000123', { today })).toEqual({
      kind: 'personal',
      province: '087',
      sex: 'male',
      birthYear: 1995,
      problems: [],
    });
    expect(checkIdentityNumber('001 3 05 123456', { today })).toMatchObject({
      sex: 'female',
      birthYear: 2005,
      problems: [],
    });
  });

  it('refuses a province code that is not on the list', () => {
    expect(checkIdentityNumber('003095000123', { today }).problems).toEqual(['unknownProvince']);
    expect(checkIdentityNumber('099095000123', { today }).problems).toEqual(['unknownProvince']);
  });

  it('checks the sex and century digit against the date of birth', () => {
    // 0 = man born 1900–1999: a 2001 birth does not fit.
    expect(checkIdentityNumber('079001000123', { today, birthYear: 2001 }).problems).toEqual([
      'birthYearMismatch',
    ]);
    expect(isValidIdentityNumber('079201000123', { today, birthYear: 2001, sex: 'male' })).toBe(true);
    expect(checkIdentityNumber('079301000123', { today, sex: 'male' }).problems).toEqual(['sexMismatch']);
    // 2 = born 2000–2099; 2030 has not come yet.
    expect(checkIdentityNumber('079230000123', { today }).problems).toEqual(['birthInFuture']);
  });

  it('accepts an old 9-digit ID card number, marked legacy, and refuses other shapes', () => {
    expect(checkIdentityNumber('341234567')).toEqual({ kind: 'legacy', problems: [] });
    expect(checkIdentityNumber('08709500012')).toEqual({ kind: 'invalid', problems: ['format'] });
    expect(checkIdentityNumber('08709500O123')).toEqual({ kind: 'invalid', problems: ['format'] });
  });
});

describe('tax codes', () => {
  it('takes 10 digits, or 13 for a branch', () => {
    expect(isTaxCode('1401234567')).toBe(true);
    expect(isTaxCode('1401234567-001')).toBe(true);
    expect(isTaxCode('140123456')).toBe(false);
    expect(isTaxCode('1401234567001')).toBe(false);
  });
});
