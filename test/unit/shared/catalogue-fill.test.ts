import { describe, expect, it } from 'vitest';
import { SEED_PROCEDURES, type Procedure } from '../../../src-shared/domain/procedure-catalogue';
import { catalogueConflict, catalogueFill } from '../../../src-shared/indexing/catalogue-fill';

const procedure = (code: string): Procedure => SEED_PROCEDURES.find((each) => each.code === code)!;
const decision = procedure('1.001257'); // a decision, no end date, department NCC
const permit = procedure('1.000459'); // a licence of 24 months, department VLATLD

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
});
